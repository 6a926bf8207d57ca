package io.watchkeeper.watchers.aws.eks;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.config.aws.EksClusterConfig;
import io.watchkeeper.watchers.testing.AwsWatcherTestSupport;
import io.watchkeeper.watchers.testing.Moto;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eks.model.LogType;

class EksClusterWatcherTest extends AwsWatcherTestSupport {

    private static final String REGION = "eu-west-1";
    private static final String ROLE = "arn:aws:iam::" + Moto.ACCOUNT_ID + ":role/eks";
    private static final String KEY = "arn:aws:kms:eu-west-1:" + Moto.ACCOUNT_ID + ":key/1234abcd-12ab-34cd-56ef-1234567890ab";
    private final EksClusterWatcher watcher = new EksClusterWatcher();

    @Test
    void readsEndpointExposureLoggingAndSecretsEncryption() {
        EksClient eks = moto.client(EksClient.builder(), REGION);
        eks.createCluster(r -> r.name("prod").roleArn(ROLE).version("1.31")
                .resourcesVpcConfig(v -> v.subnetIds("subnet-1", "subnet-2").endpointPublicAccess(true)
                        .endpointPrivateAccess(true).publicAccessCidrs("203.0.113.0/24"))
                .logging(l -> l.clusterLogging(c -> c.types(LogType.AUDIT, LogType.API).enabled(true)))
                .encryptionConfig(e -> e.resources("secrets").provider(p -> p.keyArn(KEY)))
                .tags(Map.of("team", "platform")));
        eks.createCluster(r -> r.name("dev").roleArn(ROLE).resourcesVpcConfig(v -> v.subnetIds("subnet-3")));

        Map<String, EksClusterConfig> byName = configs(watcher, REGION);
        assertThat(byName).containsOnlyKeys("prod", "dev");
        EksClusterConfig prod = byName.get("prod");
        assertThat(prod.arn()).isEqualTo("arn:aws:eks:eu-west-1:" + Moto.ACCOUNT_ID + ":cluster/prod");
        assertThat(prod.version()).isEqualTo("1.31");
        assertThat(prod.endpointPublicAccess()).isTrue();
        assertThat(prod.publicAccessCidrs()).containsExactly("203.0.113.0/24");
        assertThat(prod.enabledLogTypes()).containsExactly("api", "audit");
        assertThat(prod.encryption()).singleElement().satisfies(e -> {
            assertThat(e.resources()).containsExactly("secrets");
            assertThat(e.keyArn()).isEqualTo(KEY);
        });
        assertThat(prod.tags()).isEqualTo(Map.of("team", "platform"));
        EksClusterConfig dev = byName.get("dev");
        assertThat(dev.enabledLogTypes()).isEmpty();
        assertThat(dev.encryption()).isEmpty();
    }
}
