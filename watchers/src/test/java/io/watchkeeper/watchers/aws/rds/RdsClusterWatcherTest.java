package io.watchkeeper.watchers.aws.rds;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.config.aws.RdsClusterConfig;
import io.watchkeeper.core.json.EphemeralPaths;
import io.watchkeeper.watchers.testing.AwsWatcherTestSupport;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.rds.RdsClient;

class RdsClusterWatcherTest extends AwsWatcherTestSupport {

    private static final String REGION = "eu-west-1";
    private final RdsClusterWatcher watcher = new RdsClusterWatcher();

    @Test
    void readsAHardenedAndAPlainAuroraCluster() {
        RdsClient rds = moto.client(RdsClient.builder(), REGION);
        rds.createDBCluster(r -> r.dbClusterIdentifier("hardened").engine("aurora-postgresql").masterUsername("admin")
                .masterUserPassword("correct-horse-9").storageEncrypted(true).deletionProtection(true)
                .enableIAMDatabaseAuthentication(true).backupRetentionPeriod(14)
                .enableCloudwatchLogsExports("postgresql").tags(t -> t.key("team").value("ledger")));
        rds.createDBInstance(r -> r.dbInstanceIdentifier("hardened-1").dbClusterIdentifier("hardened")
                .engine("aurora-postgresql").dbInstanceClass("db.r6g.large"));
        rds.createDBCluster(r -> r.dbClusterIdentifier("plain").engine("aurora-mysql").masterUsername("admin")
                .masterUserPassword("correct-horse-9"));

        Map<String, RdsClusterConfig> byName = configs(watcher, REGION);
        assertThat(byName).containsOnlyKeys("hardened", "plain");
        RdsClusterConfig h = byName.get("hardened");
        assertThat(h.arn()).isEqualTo("arn:aws:rds:eu-west-1:123456789012:cluster:hardened");
        assertThat(h.engine()).isEqualTo("aurora-postgresql");
        assertThat(h.storageEncrypted()).isTrue();
        assertThat(h.deletionProtection()).isTrue();
        assertThat(h.iamDatabaseAuthenticationEnabled()).isTrue();
        assertThat(h.backupRetentionPeriod()).isEqualTo(14);
        assertThat(h.enabledCloudwatchLogsExports()).containsExactly("postgresql");
        assertThat(h.members()).extracting(RdsClusterConfig.Member::dbInstanceIdentifier).containsExactly("hardened-1");
        assertThat(h.tags()).containsEntry("team", "ledger");
        RdsClusterConfig p = byName.get("plain");
        assertThat(p.storageEncrypted()).isNotEqualTo(Boolean.TRUE);
        assertThat(p.deletionProtection()).isNotEqualTo(Boolean.TRUE);
        assertThat(p.enabledCloudwatchLogsExports()).isEmpty();
        assertThat(EphemeralPaths.of(RdsClusterConfig.class).describe())
                .containsExactlyInAnyOrder("status", "latestRestorableTime");
    }
}
