package io.watchkeeper.auditors.aws.iam;

import static io.watchkeeper.auditors.aws.iam.IamFixtures.ALLOW_ALL;
import static io.watchkeeper.auditors.aws.iam.IamFixtures.allow;
import static io.watchkeeper.auditors.aws.iam.IamFixtures.policy;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.finding.Evidence;
import org.junit.jupiter.api.Test;

class IamPolicyIamStarCheckTest {

    private final IamPolicyIamStarCheck check = new IamPolicyIamStarCheck();
    private final TestContext context = new TestContext();

    @Test
    void everyWayOfAllowingAllOfIamIsReported() {
        var evidence = check.evaluate(policy(allow("IamStar", "'iam:*'", "'*'") + ","
                + allow("SelfService", "['IAM:*']", "'arn:aws:iam::111111111111:user/${aws:username}'") + ","
                + allow("Prefix", "'iam*'", "'*'") + ","
                + allow("StarOnRoles", "'*'", "'arn:aws:iam::111111111111:role/*'") + ","
                + "{'Sid':'AllButS3','Effect':'Allow','NotAction':'s3:*','Resource':'*'}"), context);
        assertThat(evidence).extracting(Evidence::key)
                .containsExactly("sid:IamStar", "sid:SelfService", "sid:Prefix", "sid:StarOnRoles", "sid:AllButS3");
    }

    @Test
    void partialIamDenyFullAdminAndNonIamResourcesAreNotReported() {
        assertThat(check.evaluate(policy(allow("Read", "['iam:Get*','iam:List*']", "'*'")), context)).isEmpty();
        assertThat(check.evaluate(policy("{'Effect':'Deny','Action':'iam:*','Resource':'*'}"), context)).isEmpty();
        assertThat(check.evaluate(policy(ALLOW_ALL), context)).as("reported by full-admin").isEmpty();
        assertThat(check.evaluate(policy(allow("Bucket", "'*'", "'arn:aws:s3:::data/*'")), context)).isEmpty();
        assertThat(check.evaluate(policy("{'Effect':'Allow','NotAction':['iam:*','organizations:*'],'Resource':'*'}"),
                context)).as("NotAction excluding IAM").isEmpty();
    }
}
