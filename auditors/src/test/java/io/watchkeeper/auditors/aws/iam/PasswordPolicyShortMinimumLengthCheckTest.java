package io.watchkeeper.auditors.aws.iam;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.Configs;
import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.config.aws.PasswordPolicyConfig;
import io.watchkeeper.core.finding.Evidence;
import org.junit.jupiter.api.Test;

class PasswordPolicyShortMinimumLengthCheckTest {

    private final PasswordPolicyShortMinimumLengthCheck check = new PasswordPolicyShortMinimumLengthCheck();

    private static PasswordPolicyConfig settings(String json) {
        return Configs.parse(PasswordPolicyConfig.class, "{'accountId':'111111111111','settings':" + json + "}");
    }

    @Test
    void aShortOrUnsetMinimumIsReported() {
        var evidence = check.evaluate(settings("{'minimumPasswordLength':8}"), new TestContext());
        assertThat(evidence).extracting(Evidence::key).containsExactly("minimum-length");
        assertThat(evidence.getFirst().message()).contains("8");
        assertThat(check.evaluate(settings("{'requireSymbols':true}"), new TestContext())).hasSize(1);
    }

    @Test
    void fourteenOrAMissingPolicyIsFineHere() {
        assertThat(check.evaluate(settings("{'minimumPasswordLength':14}"), new TestContext())).isEmpty();
        assertThat(check.evaluate(settings("null"), new TestContext())).as("reported by missing").isEmpty();
    }
}
