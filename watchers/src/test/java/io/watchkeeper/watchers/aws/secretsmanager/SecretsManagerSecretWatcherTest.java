package io.watchkeeper.watchers.aws.secretsmanager;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.config.aws.SecretsManagerSecretConfig;
import io.watchkeeper.core.json.CanonicalJson;
import io.watchkeeper.core.json.EphemeralPaths;
import io.watchkeeper.watchers.testing.AwsWatcherTestSupport;
import io.watchkeeper.watchers.testing.Moto;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

class SecretsManagerSecretWatcherTest extends AwsWatcherTestSupport {

    private static final String REGION = "eu-west-1";
    private static final String VALUE = "hunter2-do-not-store-me";
    private final SecretsManagerSecretWatcher watcher = new SecretsManagerSecretWatcher();

    @Test
    void readsRotationAndPolicyButNeverTheValue() {
        SecretsManagerClient secrets = moto.client(SecretsManagerClient.builder(), REGION);
        secrets.createSecret(r -> r.name("db/orders").secretString(VALUE).kmsKeyId("alias/orders")
                .description("orders database").tags(t -> t.key("team").value("shop")));
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
                + "\"arn:aws:iam::210987654321:root\"},\"Action\":\"secretsmanager:GetSecretValue\",\"Resource\":\"*\"}]}";
        secrets.putResourcePolicy(r -> r.secretId("db/orders").resourcePolicy(policy));
        // moto invokes a rotation function (needs Docker): rotation is set up without one here
        secrets.rotateSecret(r -> r.secretId("db/orders").rotationRules(rules -> rules.automaticallyAfterDays(30L)));
        secrets.createSecret(r -> r.name("plain").secretString(VALUE + "-2"));

        Map<String, SecretsManagerSecretConfig> byName = configs(watcher, REGION);
        assertThat(byName).containsOnlyKeys("db/orders", "plain");
        SecretsManagerSecretConfig c = byName.get("db/orders");
        assertThat(c.arn()).startsWith("arn:aws:secretsmanager:eu-west-1:" + Moto.ACCOUNT_ID + ":secret:db/orders-");
        assertThat(c.kmsKeyId()).isEqualTo("alias/orders");
        assertThat(c.description()).isEqualTo("orders database");
        assertThat(c.rotationEnabled()).isTrue();
        assertThat(c.rotationLambdaArn()).isNull();
        assertThat(c.rotationAfterDays()).isEqualTo(30L);
        assertThat(c.policy().json().at("/Statement/0/Principal/AWS").asString()).isEqualTo("arn:aws:iam::210987654321:root");
        assertThat(c.tags()).isEqualTo(Map.of("team", "shop"));
        SecretsManagerSecretConfig plain = byName.get("plain");
        assertThat(plain.policy()).isNull();
        assertThat(plain.rotationEnabled()).isNotEqualTo(Boolean.TRUE);

        assertThat(CanonicalJson.of(c).fullText()).doesNotContain(VALUE);
        assertThat(CanonicalJson.of(plain).fullText()).doesNotContain(VALUE);
        assertThat(watcher.requiredPermissions()).noneMatch(p -> p.contains("GetSecretValue") || p.contains("BatchGet"));
        assertThat(EphemeralPaths.of(SecretsManagerSecretConfig.class).describe())
                .containsExactlyInAnyOrder("lastRotatedDate", "lastChangedDate", "lastAccessedDate");
    }

    @Test
    void aSecretScheduledForDeletionStaysWithItsDate() {
        SecretsManagerClient secrets = moto.client(SecretsManagerClient.builder(), REGION);
        secrets.createSecret(r -> r.name("old").secretString(VALUE));
        secrets.deleteSecret(r -> r.secretId("old").recoveryWindowInDays(7L));
        assertThat(configs(watcher, REGION).get("old").deletedDate()).isNotNull();
    }
}
