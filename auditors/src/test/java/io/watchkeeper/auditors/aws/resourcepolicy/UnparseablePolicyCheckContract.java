package io.watchkeeper.auditors.aws.resourcepolicy;

import static io.watchkeeper.auditors.aws.resourcepolicy.PolicyFixtures.allow;
import static io.watchkeeper.auditors.aws.resourcepolicy.PolicyFixtures.policy;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import io.watchkeeper.core.model.PolicyDocument;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What every {@code unparseable-policy} check must do. */
public abstract class UnparseablePolicyCheckContract<C extends Record> {

    protected abstract Check<C> check();

    protected abstract C withPolicy(PolicyDocument policy);

    protected List<Evidence> evaluate(PolicyDocument policy) {
        return check().evaluate(withPolicy(policy), new TestContext());
    }

    @Test
    void invalidJsonIsReportedWithAnExcerpt() {
        var evidence = evaluate(PolicyFixtures.raw("{\"Statement\": [ {\"Effect\": \"Allow\""));
        assertThat(evidence).extracting(Evidence::key).containsExactly(ResourcePolicyEvidence.UNPARSEABLE);
        assertThat(evidence.getFirst().exposure()).isEqualTo(Exposure.INTERNAL);
        assertThat(evidence.getFirst().message()).startsWith("Policy cannot be audited: not valid JSON");
        assertThat(evidence.getFirst().details().get("excerpt").asString()).startsWith("{\"Statement\"");
    }

    @Test
    void aReadablePolicyOrNoneIsFine() {
        assertThat(evaluate(policy(allow("Public", "'*'")))).isEmpty();
        assertThat(evaluate(null)).isEmpty();
    }
}
