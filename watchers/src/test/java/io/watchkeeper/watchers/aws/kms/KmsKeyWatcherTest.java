package io.watchkeeper.watchers.aws.kms;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.config.aws.KmsKeyConfig;
import io.watchkeeper.core.json.CanonicalJson;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.watch.Observation;
import io.watchkeeper.watchers.testing.AwsWatcherTestSupport;
import io.watchkeeper.watchers.testing.Moto;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.Tag;

class KmsKeyWatcherTest extends AwsWatcherTestSupport {

    private static final String POLICY = """
            {"Version":"2012-10-17","Statement":[
              {"Sid":"Root","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:root"},"Action":"kms:*","Resource":"*"},
              {"Sid":"Anyone","Effect":"Allow","Principal":"*","Action":"kms:Decrypt","Resource":"*"}]}""";

    private final KmsKeyWatcher watcher = new KmsKeyWatcher();

    @Test
    void readsACustomerKeyWithRotationPolicyAliasesAndTags() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        KmsClient kms = moto.client(KmsClient.builder(), "eu-west-1");
        KeyMetadata key = kms.createKey(r -> r.description("app data").keyUsage("ENCRYPT_DECRYPT").policy(POLICY)
                .tags(Tag.builder().tagKey("team").tagValue("sec").build())).keyMetadata();
        kms.enableKeyRotation(r -> r.keyId(key.keyId()));
        kms.createAlias(r -> r.aliasName("alias/z-second").targetKeyId(key.keyId()));
        kms.createAlias(r -> r.aliasName("alias/app-data").targetKeyId(key.keyId()));

        Map<String, Observation.Observed<KmsKeyConfig>> seen = observed("eu-west-1");
        assertThat(seen).containsOnlyKeys("alias/app-data");
        Observation.Observed<KmsKeyConfig> o = seen.get("alias/app-data");
        assertThat(o.resourceId()).isEqualTo(key.arn());
        assertThat(o.region()).isEqualTo("eu-west-1");
        KmsKeyConfig c = o.config();
        assertThat(c.keyId()).isEqualTo(key.keyId());
        assertThat(c.arn()).isEqualTo("arn:aws:kms:eu-west-1:" + Moto.ACCOUNT_ID + ":key/" + key.keyId());
        assertThat(c.description()).isEqualTo("app data");
        assertThat(c.keyState()).isEqualTo("Enabled");
        assertThat(c.keyUsage()).isEqualTo("ENCRYPT_DECRYPT");
        assertThat(c.keySpec()).isEqualTo("SYMMETRIC_DEFAULT");
        assertThat(c.origin()).isEqualTo("AWS_KMS");
        assertThat(c.aliases()).containsExactly("alias/app-data", "alias/z-second");
        assertThat(c.policy().parsed()).isTrue();
        assertThat(c.policy().json().at("/Statement/1/Principal").asString()).isEqualTo("*");
        assertThat(c.policy().json().at("/Statement/1/Action").asString()).isEqualTo("kms:Decrypt");
        assertThat(c.rotationEnabled()).isTrue();
        assertThat(c.creationDate()).isAfterOrEqualTo(before);
        assertThat(c.deletionDate()).isNull();
        assertThat(c.tags()).isEqualTo(Map.of("team", "sec"));
        // The stored canonical JSON reads back into the same record.
        assertThat(Json.read(CanonicalJson.of(c).fullText(), KmsKeyConfig.class)).isEqualTo(c);
        // moto answers GetKeyRotationStatus without RotationPeriodInDays, so the period is not asserted.
    }

    @Test
    void rotationOffIsFalseAndUnsupportedRotationIsNull() {
        KmsClient kms = moto.client(KmsClient.builder(), "eu-west-1");
        KeyMetadata plain = kms.createKey(r -> r.description("plain")).keyMetadata();
        KeyMetadata signing = kms.createKey(r -> r.keySpec("RSA_2048").keyUsage("SIGN_VERIFY")).keyMetadata();
        kms.scheduleKeyDeletion(r -> r.keyId(signing.keyId()).pendingWindowInDays(7));

        Map<String, Observation.Observed<KmsKeyConfig>> seen = observed("eu-west-1");
        KmsKeyConfig p = seen.get(plain.keyId()).config();
        assertThat(p.rotationEnabled()).isFalse();
        assertThat(p.rotationPeriodInDays()).isNull();
        assertThat(p.aliases()).isEmpty();
        assertThat(p.tags()).isEmpty();

        // Asymmetric keys have no automatic rotation: recorded as unknown, not as "off" (KMS itself
        // answers UnsupportedOperationException; moto answers false, which the watcher never asks).
        KmsKeyConfig s = seen.get(signing.keyId()).config();
        assertThat(s.keySpec()).isEqualTo("RSA_2048");
        assertThat(s.keyUsage()).isEqualTo("SIGN_VERIFY");
        assertThat(s.rotationEnabled()).isNull();
        assertThat(s.keyState()).isEqualTo("PendingDeletion");
        assertThat(s.deletionDate()).isAfter(Instant.now().plus(6, ChronoUnit.DAYS));
    }

    @Test
    void otherRegionsAreNotListed() {
        KmsClient west = moto.client(KmsClient.builder(), "eu-west-1");
        west.createKey(r -> r.description("west"));

        assertThat(observe(watcher, "us-east-1")).isEmpty();
        assertThat(observed("eu-west-1")).hasSize(1);
    }

    private Map<String, Observation.Observed<KmsKeyConfig>> observed(String region) {
        List<Observation<KmsKeyConfig>> all = observe(watcher, region);
        assertThat(all).as("unreadable keys: %s", all).allMatch(o -> o instanceof Observation.Observed<KmsKeyConfig>);
        return all.stream().map(o -> (Observation.Observed<KmsKeyConfig>) o)
                .collect(java.util.stream.Collectors.toMap(Observation.Observed::name, o -> o));
    }
}
