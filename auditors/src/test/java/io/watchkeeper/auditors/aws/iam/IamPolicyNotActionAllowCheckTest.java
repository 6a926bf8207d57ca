package io.watchkeeper.auditors.aws.iam;

import static io.watchkeeper.auditors.aws.iam.IamFixtures.ALLOW_ALL;
import static io.watchkeeper.auditors.aws.iam.IamFixtures.policy;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.finding.Evidence;
import org.junit.jupiter.api.Test;

class IamPolicyNotActionAllowCheckTest {

    private final IamPolicyNotActionAllowCheck check = new IamPolicyNotActionAllowCheck();

    @Test
    void allowWithNotActionIsReported() {
        var evidence = check.evaluate(policy("{'Sid':'PowerUser','Effect':'Allow','NotAction':['iam:*',"
                + "'organizations:*'],'Resource':'*'}"), new TestContext());
        assertThat(evidence).extracting(Evidence::key).containsExactly("sid:PowerUser");
        assertThat(evidence.getFirst().details().get("NotAction")).hasSize(2);
    }

    @Test
    void denyWithNotActionAndPlainAllowsAreFine() {
        assertThat(check.evaluate(policy("{'Effect':'Deny','NotAction':'s3:*','Resource':'*'}," + ALLOW_ALL),
                new TestContext())).isEmpty();
    }
}
