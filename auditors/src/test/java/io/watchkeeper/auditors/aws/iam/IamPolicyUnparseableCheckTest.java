package io.watchkeeper.auditors.aws.iam;

import static io.watchkeeper.auditors.aws.iam.IamFixtures.ALLOW_ALL;
import static io.watchkeeper.auditors.aws.iam.IamFixtures.policy;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.model.PolicyDocument;
import org.junit.jupiter.api.Test;

class IamPolicyUnparseableCheckTest {

    private final IamPolicyUnparseableCheck check = new IamPolicyUnparseableCheck();

    @Test
    void invalidJsonIsReportedWithItsProblem() {
        var evidence = check.evaluate(policy("bad", PolicyDocument.parse("{\"Statement\": [")), new TestContext());
        assertThat(evidence).extracting(Evidence::key).containsExactly("unparseable");
        assertThat(evidence.getFirst().message()).contains("not valid JSON");
        assertThat(evidence.getFirst().details().get("problem").asString()).startsWith("not valid JSON");
        assertThat(evidence.getFirst().details().get("documentSha256").asString()).hasSize(64);
    }

    @Test
    void aStatementThatIsNotAnObjectIsReported() {
        var evidence = check.evaluate(policy("odd", PolicyDocument.parse("{\"Statement\": [42]}")), new TestContext());
        assertThat(evidence).extracting(Evidence::message).containsExactly(
                "Policy document cannot be analysed: statement 0 is not an object");
    }

    @Test
    void aReadablePolicyOrNoDocumentIsFine() {
        assertThat(check.evaluate(policy(ALLOW_ALL), new TestContext())).isEmpty();
        assertThat(check.evaluate(policy("none", null), new TestContext())).isEmpty();
    }
}
