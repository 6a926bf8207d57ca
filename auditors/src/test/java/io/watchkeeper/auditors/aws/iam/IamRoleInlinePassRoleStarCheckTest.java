package io.watchkeeper.auditors.aws.iam;

import static io.watchkeeper.auditors.aws.iam.IamFixtures.allow;
import static io.watchkeeper.auditors.aws.iam.IamFixtures.withInline;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.finding.Evidence;
import org.junit.jupiter.api.Test;

class IamRoleInlinePassRoleStarCheckTest {

    private final IamRoleInlinePassRoleStarCheck check = new IamRoleInlinePassRoleStarCheck();

    @Test
    void passRoleOnEveryRoleIsReported() {
        assertThat(check.evaluate(withInline(allow("Deploy", "['lambda:*','iam:PassRole']", "'*'")), new TestContext()))
                .extracting(Evidence::key).containsExactly("policy:app:sid:Deploy");
    }

    @Test
    void passRoleOnASpecificRoleIsFine() {
        assertThat(check.evaluate(withInline(allow("Deploy", "'iam:PassRole'",
                "'arn:aws:iam::111111111111:role/lambda-exec'")), new TestContext())).isEmpty();
    }
}
