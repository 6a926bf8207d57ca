package io.watchkeeper.auditors.aws.iam;

import static io.watchkeeper.auditors.aws.iam.IamFixtures.allow;
import static io.watchkeeper.auditors.aws.iam.IamFixtures.policy;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.finding.Evidence;
import org.junit.jupiter.api.Test;

class IamPolicyNotResourceAllowCheckTest {

    private final IamPolicyNotResourceAllowCheck check = new IamPolicyNotResourceAllowCheck();

    @Test
    void allowWithNotResourceIsReported() {
        var evidence = check.evaluate(policy("{'Effect':'Allow','Action':'s3:*','NotResource':'arn:aws:s3:::audit/*'}"),
                new TestContext());
        assertThat(evidence).extracting(Evidence::key).containsExactly("statement:0");
    }

    @Test
    void denyWithNotResourceAndPlainAllowsAreFine() {
        assertThat(check.evaluate(policy("{'Effect':'Deny','Action':'s3:*','NotResource':'arn:aws:s3:::logs/*'},"
                + allow("Read", "'s3:GetObject'", "'arn:aws:s3:::logs/*'")), new TestContext())).isEmpty();
    }
}
