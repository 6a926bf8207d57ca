package io.watchkeeper.auditors.aws.iam;

import static io.watchkeeper.auditors.aws.iam.IamFixtures.withInline;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.finding.Evidence;
import org.junit.jupiter.api.Test;

class IamRoleInlineNotActionCheckTest {

    private final IamRoleInlineNotActionCheck check = new IamRoleInlineNotActionCheck();

    @Test
    void allowWithNotActionIsReported() {
        assertThat(check.evaluate(withInline("{'Effect':'Allow','NotAction':'iam:*','Resource':'*'}"), new TestContext()))
                .extracting(Evidence::key).containsExactly("policy:app:statement:0");
    }

    @Test
    void denyWithNotActionIsFine() {
        assertThat(check.evaluate(withInline("{'Effect':'Deny','NotAction':'s3:GetObject','Resource':'*'}"),
                new TestContext())).isEmpty();
    }
}
