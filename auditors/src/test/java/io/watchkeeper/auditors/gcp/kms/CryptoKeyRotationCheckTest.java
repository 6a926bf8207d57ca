package io.watchkeeper.auditors.gcp.kms;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.Configs;
import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.config.gcp.GcpKmsCryptoKeyConfig;
import org.junit.jupiter.api.Test;

class CryptoKeyRotationCheckTest {

    private final CryptoKeyRotationCheck check = new CryptoKeyRotationCheck();

    private static GcpKmsCryptoKeyConfig key(String extra) {
        return Configs.lenient(GcpKmsCryptoKeyConfig.class, "{'name':'k','purpose':'ENCRYPT_DECRYPT','primaryState':'ENABLED'" + extra + "}");
    }

    @Test
    void noRotationOrAPeriodOver90DaysIsReported() {
        assertThat(check.evaluate(key(""), new TestContext())).singleElement()
                .satisfies(e -> assertThat(e.message()).isEqualTo("Automatic rotation is off"));
        assertThat(check.evaluate(key(",'rotationPeriodSeconds':7776001"), new TestContext())).hasSize(1);
    }

    @Test
    void ninetyDaysAsymmetricImportOnlyAndDisabledKeysAreNot() {
        assertThat(check.evaluate(key(",'rotationPeriodSeconds':7776000"), new TestContext())).isEmpty();
        assertThat(check.evaluate(Configs.lenient(GcpKmsCryptoKeyConfig.class, "{'name':'k','purpose':'ASYMMETRIC_SIGN'}"),
                new TestContext())).isEmpty();
        assertThat(check.evaluate(key(",'importOnly':true"), new TestContext())).isEmpty();
        assertThat(check.evaluate(Configs.lenient(GcpKmsCryptoKeyConfig.class,
                "{'name':'k','purpose':'ENCRYPT_DECRYPT','primaryState':'DISABLED'}"), new TestContext())).isEmpty();
    }
}
