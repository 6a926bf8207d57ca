package io.watchkeeper.auditors.aws.iam;

import static io.watchkeeper.auditors.aws.iam.IamFixtures.ALLOW_ALL;
import static io.watchkeeper.auditors.aws.iam.IamFixtures.DENY_ALL;
import static io.watchkeeper.auditors.aws.iam.IamFixtures.allow;
import static io.watchkeeper.auditors.aws.iam.IamFixtures.policy;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import org.junit.jupiter.api.Test;

class IamPolicyFullAdminCheckTest {

    private final IamPolicyFullAdminCheck check = new IamPolicyFullAdminCheck();
    private final TestContext context = new TestContext();

    @Test
    void allowStarOnStarIsReportedPerStatement() {
        var evidence = check.evaluate(policy(allow("Read", "'s3:GetObject'", "'*'") + "," + ALLOW_ALL
                + ",{'Effect':'Allow','Action':['ec2:Describe*','*:*'],'Resource':['arn:aws:*']}"), context);
        assertThat(evidence).extracting(Evidence::key).containsExactly("sid:All", "statement:2");
        assertThat(evidence).extracting(Evidence::exposure).containsOnly(Exposure.INTERNAL);
        assertThat(evidence.getFirst().details().get("Action").asString()).isEqualTo("*");
        assertThat(evidence.getFirst().message()).contains("every action on every resource");
    }

    @Test
    void denyStarAndStarOnASpecificResourceAreNotFullAdmin() {
        assertThat(check.evaluate(policy(DENY_ALL), context)).isEmpty();
        assertThat(check.evaluate(policy(allow("Bucket", "'*'", "['arn:aws:s3:::data','arn:aws:s3:::data/*']")),
                context)).isEmpty();
        assertThat(check.evaluate(policy(allow("S3", "'s3:*'", "'*'")), context)).isEmpty();
        assertThat(check.evaluate(policy("{'Effect':'Allow','NotAction':'iam:*','Resource':'*'}"), context))
                .as("NotAction is reported by not-action-allow").isEmpty();
    }

    @Test
    void duplicateSidsGetDistinctKeys() {
        var evidence = check.evaluate(policy(ALLOW_ALL + "," + ALLOW_ALL), context);
        assertThat(evidence).extracting(Evidence::key).containsExactly("statement:0", "statement:1");
    }
}
