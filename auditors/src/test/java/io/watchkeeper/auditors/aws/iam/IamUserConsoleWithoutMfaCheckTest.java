package io.watchkeeper.auditors.aws.iam;

import static io.watchkeeper.auditors.aws.iam.IamFixtures.user;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.Configs;
import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.config.aws.IamUserConfig;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import org.junit.jupiter.api.Test;

class IamUserConsoleWithoutMfaCheckTest {

    private final IamUserConsoleWithoutMfaCheck check = new IamUserConsoleWithoutMfaCheck();

    @Test
    void aPasswordWithoutMfaIsReported() {
        var evidence = check.evaluate(Configs.parse(IamUserConfig.class,
                "{'userName':'bob','passwordEnabled':true,'mfaActive':false}"), new TestContext());
        assertThat(evidence).extracting(Evidence::key).containsExactly("mfa");
        assertThat(evidence.getFirst().exposure()).isEqualTo(Exposure.INTERNET);
    }

    @Test
    void mfaOnOrNoPasswordIsFine() {
        assertThat(check.evaluate(user(true, true, null), new TestContext())).isEmpty();
        assertThat(check.evaluate(user(false, false, null), new TestContext())).isEmpty();
    }
}
