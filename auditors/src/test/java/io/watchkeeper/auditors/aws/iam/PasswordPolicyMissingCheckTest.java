package io.watchkeeper.auditors.aws.iam;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.Configs;
import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.config.aws.PasswordPolicyConfig;
import io.watchkeeper.core.finding.Evidence;
import org.junit.jupiter.api.Test;

class PasswordPolicyMissingCheckTest {

    private final PasswordPolicyMissingCheck check = new PasswordPolicyMissingCheck();

    @Test
    void noPolicyIsReported() {
        assertThat(check.evaluate(new PasswordPolicyConfig(TestContext.OWNER, null), new TestContext()))
                .extracting(Evidence::key).containsExactly("missing");
    }

    @Test
    void anyPolicyIsFine() {
        assertThat(check.evaluate(Configs.parse(PasswordPolicyConfig.class, "{'accountId':'111111111111',"
                + "'settings':{'minimumPasswordLength':8}}"), new TestContext())).isEmpty();
    }
}
