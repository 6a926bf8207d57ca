package io.watchkeeper.auditors.aws.iam;

import static io.watchkeeper.auditors.aws.iam.IamFixtures.ALLOW_ALL;
import static io.watchkeeper.auditors.aws.iam.IamFixtures.DENY_ALL;
import static io.watchkeeper.auditors.aws.iam.IamFixtures.allow;
import static io.watchkeeper.auditors.aws.iam.IamFixtures.withInline;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import org.junit.jupiter.api.Test;

class IamRoleInlineFullAdminCheckTest {

    private final IamRoleInlineFullAdminCheck check = new IamRoleInlineFullAdminCheck();

    @Test
    void anInlineAllowStarOnStarIsReportedWithThePolicyName() {
        var evidence = check.evaluate(withInline(ALLOW_ALL), new TestContext());
        assertThat(evidence).extracting(Evidence::key).containsExactly("policy:app:sid:All");
        assertThat(evidence.getFirst().exposure()).isEqualTo(Exposure.INTERNAL);
        assertThat(evidence.getFirst().message()).contains("Inline policy app");
    }

    @Test
    void denyStarAndStarOnOneBucketAreFine() {
        assertThat(check.evaluate(withInline(DENY_ALL), new TestContext())).isEmpty();
        assertThat(check.evaluate(withInline(allow("Data", "'*'", "'arn:aws:s3:::data/*'")), new TestContext())).isEmpty();
    }
}
