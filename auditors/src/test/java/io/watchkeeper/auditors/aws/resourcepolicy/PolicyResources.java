package io.watchkeeper.auditors.aws.resourcepolicy;

import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.model.PolicyDocument;
import java.util.List;
import java.util.stream.Stream;

/** Every entry of {@link ResourcePolicyTypes}, for tests that hold for each type with a policy. */
final class PolicyResources {

    private PolicyResources() {}

    static Stream<PolicyResource<?>> all() {
        return ResourcePolicyTypes.ALL.stream();
    }

    /** Runs {@code check} on an otherwise empty config of the resource's type holding {@code policy}. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static List<Evidence> evaluate(Check check, PolicyResource<?> resource, PolicyDocument policy) {
        Record config = PolicyFixtures.withPolicy((Class) resource.configType(), "{}", policy);
        return check.evaluate(config, new TestContext());
    }
}
