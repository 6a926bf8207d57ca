package io.watchkeeper.auditors.remediation.aws;

import static io.watchkeeper.auditors.remediation.aws.RemediationTesting.durableHash;
import static io.watchkeeper.auditors.remediation.aws.RemediationTesting.execute;
import static io.watchkeeper.auditors.remediation.aws.RemediationTesting.finding;
import static io.watchkeeper.auditors.remediation.aws.RemediationTesting.json;
import static io.watchkeeper.auditors.remediation.aws.RemediationTesting.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchkeeper.core.config.aws.KmsKeyConfig;
import io.watchkeeper.core.finding.FindingView;
import io.watchkeeper.core.model.InvalidInputException;
import io.watchkeeper.core.remediation.ApiCall;
import io.watchkeeper.core.remediation.RemediationPlan;
import io.watchkeeper.watchers.aws.kms.KmsKeyWatcher;
import io.watchkeeper.watchers.testing.AwsWatcherTestSupport;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KeyMetadata;

class KmsKeyEnableRotationRemediationTest extends AwsWatcherTestSupport {

    private static final String REGION = "eu-west-1";
    private final KmsKeyEnableRotationRemediation remediation = new KmsKeyEnableRotationRemediation();
    private final KmsKeyWatcher watcher = new KmsKeyWatcher();

    private KmsKeyConfig read(String keyId) {
        return configs(watcher, REGION).get(keyId);
    }

    private static FindingView rotationDisabled(KmsKeyConfig key) {
        return finding("aws.kms.key/rotation-disabled", key.arn(), REGION, "rotation",
                "{'rotationEnabled':false,'keySpec':'SYMMETRIC_DEFAULT','origin':'AWS_KMS'}");
    }

    @Test
    void enablesRotationAndDisablesItAgainOnRollback() {
        KmsClient kms = moto.client(KmsClient.builder(), REGION);
        KeyMetadata key = kms.createKey(r -> r.description("app data")).keyMetadata();
        KmsKeyConfig before = read(key.keyId());
        assertThat(before.rotationEnabled()).isFalse();

        RemediationPlan plan = remediation.plan(rotationDisabled(before), before);
        assertThat(plan.region()).isEqualTo(REGION);
        assertThat(plan.calls()).containsExactly(new ApiCall("kms", "EnableKeyRotation",
                json("{'Region':'" + REGION + "','KeyId':'" + key.keyId() + "'}")));
        execute(remediation, plan, session);
        assertThat(read(key.keyId()).rotationEnabled()).isTrue();

        RemediationPlan rollback = remediation.rollback(plan, before);
        assertThat(rollback.calls()).containsExactly(new ApiCall("kms", "DisableKeyRotation",
                json("{'Region':'" + REGION + "','KeyId':'" + key.keyId() + "'}")));
        execute(remediation, rollback, session);
        assertThat(durableHash(read(key.keyId()))).isEqualTo(durableHash(before));
    }

    @Test
    void aRotatingKeyNeedsNothingAndAKeyKmsCannotRotateIsRefused() {
        KmsClient kms = moto.client(KmsClient.builder(), REGION);
        KeyMetadata rotating = kms.createKey(r -> r.description("rotating")).keyMetadata();
        kms.enableKeyRotation(r -> r.keyId(rotating.keyId()));
        KeyMetadata signing = kms.createKey(r -> r.keySpec("RSA_2048").keyUsage("SIGN_VERIFY")).keyMetadata();

        KmsKeyConfig on = read(rotating.keyId());
        RemediationPlan plan = remediation.plan(rotationDisabled(on), on);
        assertThat(plan.empty()).isTrue();
        assertThat(remediation.rollback(plan, on).empty()).isTrue();

        KmsKeyConfig asymmetric = read(signing.keyId());
        assertThat(asymmetric.rotationEnabled()).isNull();
        assertThatThrownBy(() -> remediation.plan(rotationDisabled(asymmetric), asymmetric))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("RSA_2048");
    }

    @Test
    void refusesAKeyIdOrArnAwsWouldNotReport() {
        KmsClient kms = moto.client(KmsClient.builder(), REGION);
        KmsKeyConfig before = read(kms.createKey(r -> r.description("app data")).keyMetadata().keyId());

        KmsKeyConfig hostileId = with(before, "keyId", "alias/../../other");
        assertThatThrownBy(() -> remediation.plan(rotationDisabled(hostileId), hostileId))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("as KMS key id");
        KmsKeyConfig otherRegion = with(before, "arn", before.arn().replace(REGION, "us-east-1"));
        assertThatThrownBy(() -> remediation.plan(rotationDisabled(before), otherRegion))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("in " + REGION);
    }
}
