package io.watchkeeper.auditors.aws.iam;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.Configs;
import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.config.aws.PasswordPolicyConfig;
import io.watchkeeper.core.finding.Evidence;
import org.junit.jupiter.api.Test;

class PasswordPolicyReuseAllowedCheckTest {

    private final PasswordPolicyReuseAllowedCheck check = new PasswordPolicyReuseAllowedCheck();

    private static PasswordPolicyConfig settings(String json) {
        return Configs.parse(PasswordPolicyConfig.class, "{'accountId':'111111111111','settings':" + json + "}");
    }

    @Test
    void unsetOrLowReusePreventionIsReported() {
        assertThat(check.evaluate(settings("{'minimumPasswordLength':14}"), new TestContext()))
                .extracting(Evidence::key).containsExactly("reuse-prevention");
        assertThat(check.evaluate(settings("{'passwordReusePrevention':5}"), new TestContext()))
                .extracting(Evidence::message).singleElement().asString().contains("5");
    }

    @Test
    void twentyFourOrAMissingPolicyIsFineHere() {
        assertThat(check.evaluate(settings("{'passwordReusePrevention':24}"), new TestContext())).isEmpty();
        assertThat(check.evaluate(settings("null"), new TestContext())).as("reported by missing").isEmpty();
    }
}
