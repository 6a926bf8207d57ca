package io.watchkeeper.auditors.aws.kms;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.Configs;
import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.config.aws.KmsKeyConfig;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import org.junit.jupiter.api.Test;

class KmsKeyRotationDisabledCheckTest {

    private final KmsKeyRotationDisabledCheck check = new KmsKeyRotationDisabledCheck();

    private static KmsKeyConfig key(String state, String spec, String origin, String rotation) {
        return Configs.parse(KmsKeyConfig.class, "{'keyId':'k1','keyState':'" + state + "','keySpec':'" + spec + "','origin':'"
                + origin + "','rotationEnabled':" + rotation + "}");
    }

    @Test
    void anEnabledSymmetricKeyWithoutRotationIsReported() {
        var evidence = check.evaluate(key("Enabled", "SYMMETRIC_DEFAULT", "AWS_KMS", "false"), new TestContext());
        assertThat(evidence).extracting(Evidence::key).containsExactly("rotation");
        assertThat(evidence.getFirst().exposure()).isEqualTo(Exposure.INTERNAL);
    }

    @Test
    void rotationOnNotApplicableDisabledOrPendingDeletionIsNotReported() {
        assertThat(check.evaluate(key("Enabled", "SYMMETRIC_DEFAULT", "AWS_KMS", "true"), new TestContext())).isEmpty();
        assertThat(check.evaluate(key("Enabled", "RSA_2048", "AWS_KMS", "null"), new TestContext())).isEmpty();
        assertThat(check.evaluate(key("Enabled", "SYMMETRIC_DEFAULT", "EXTERNAL", "null"), new TestContext())).isEmpty();
        assertThat(check.evaluate(key("PendingDeletion", "SYMMETRIC_DEFAULT", "AWS_KMS", "false"), new TestContext())).isEmpty();
        assertThat(check.evaluate(key("Disabled", "SYMMETRIC_DEFAULT", "AWS_KMS", "false"), new TestContext())).isEmpty();
        assertThat(check.evaluate(Configs.parse(KmsKeyConfig.class, "{'keyId':'k1'}"), new TestContext())).isEmpty();
    }
}
