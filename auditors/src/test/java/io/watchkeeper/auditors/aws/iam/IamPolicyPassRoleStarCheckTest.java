package io.watchkeeper.auditors.aws.iam;

import static io.watchkeeper.auditors.aws.iam.IamFixtures.ALLOW_ALL;
import static io.watchkeeper.auditors.aws.iam.IamFixtures.allow;
import static io.watchkeeper.auditors.aws.iam.IamFixtures.policy;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.finding.Evidence;
import org.junit.jupiter.api.Test;

class IamPolicyPassRoleStarCheckTest {

    private final IamPolicyPassRoleStarCheck check = new IamPolicyPassRoleStarCheck();
    private final TestContext context = new TestContext();

    @Test
    void passRoleOnEveryRoleIsReportedWhateverTheWildcard() {
        var evidence = check.evaluate(policy(allow("Exact", "'iam:PassRole'", "'*'") + ","
                + allow("Prefix", "['ec2:RunInstances','iam:Pass*']", "'*'") + ","
                + allow("IamStar", "'iam:*'", "'arn:aws:iam::111111111111:role/*'") + ","
                + allow("AnyAccount", "'iam:passrole'", "'arn:aws:iam::*:role/*'") + ","
                + "{'Sid':'AllButS3','Effect':'Allow','NotAction':'s3:*','Resource':'*'}"), context);
        assertThat(evidence).extracting(Evidence::key)
                .containsExactly("sid:Exact", "sid:Prefix", "sid:IamStar", "sid:AnyAccount", "sid:AllButS3");
    }

    @Test
    void passRoleOnNamedRolesDenyAndFullAdminAreNotReported() {
        assertThat(check.evaluate(policy(allow("One", "'iam:PassRole'", "'arn:aws:iam::111111111111:role/app'")),
                context)).isEmpty();
        assertThat(check.evaluate(policy(allow("Path", "'iam:PassRole'", "'arn:aws:iam::111111111111:role/app/*'")),
                context)).isEmpty();
        assertThat(check.evaluate(policy("{'Effect':'Deny','Action':'iam:PassRole','Resource':'*'}"), context)).isEmpty();
        assertThat(check.evaluate(policy(allow("Get", "'iam:GetRole'", "'*'")), context)).isEmpty();
        assertThat(check.evaluate(policy(ALLOW_ALL), context)).as("reported by full-admin").isEmpty();
    }
}
