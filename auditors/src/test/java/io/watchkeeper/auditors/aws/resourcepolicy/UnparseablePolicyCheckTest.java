package io.watchkeeper.auditors.aws.resourcepolicy;

import static io.watchkeeper.auditors.aws.resourcepolicy.PolicyFixtures.allow;
import static io.watchkeeper.auditors.aws.resourcepolicy.PolicyFixtures.policy;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Severity;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The unparseable-policy check of every type with a resource policy. */
class UnparseablePolicyCheckTest {

    static java.util.stream.Stream<PolicyResource<?>> resources() {
        return PolicyResources.all();
    }

    @ParameterizedTest
    @MethodSource("resources")
    void describesItselfFromTheEntry(PolicyResource<?> resource) {
        var check = new UnparseablePolicyCheck<>(resource);
        assertThat(check.id().id()).isEqualTo(resource.type().id() + "/unparseable-policy");
        assertThat(check.name()).isEqualTo(resource.name() + "UnparseablePolicy");
        assertThat(check.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(check.title()).isEqualTo(resource.noun() + " policy cannot be audited");
        assertThat(check.rationale()).endsWith("whether it exposes the " + resource.thing() + ".");
        assertThat(check.dependsOn()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("resources")
    void reportsAnUnreadablePolicyOnce(PolicyResource<?> resource) {
        var check = new UnparseablePolicyCheck<>(resource);
        assertThat(PolicyResources.evaluate(check, resource, PolicyFixtures.raw("{\"Statement\": [")))
                .extracting(Evidence::key).containsExactly(ResourcePolicyEvidence.UNPARSEABLE);
        assertThat(PolicyResources.evaluate(check, resource, policy(allow("Public", "'*'")))).isEmpty();
        assertThat(PolicyResources.evaluate(check, resource, null)).isEmpty();
    }
}
