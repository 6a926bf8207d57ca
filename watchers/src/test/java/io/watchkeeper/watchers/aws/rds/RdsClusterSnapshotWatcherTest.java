package io.watchkeeper.watchers.aws.rds;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.config.aws.RdsClusterSnapshotConfig;
import io.watchkeeper.watchers.testing.AwsWatcherTestSupport;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.rds.RdsClient;

class RdsClusterSnapshotWatcherTest extends AwsWatcherTestSupport {

    private static final String REGION = "eu-west-1";
    private final RdsClusterSnapshotWatcher watcher = new RdsClusterSnapshotWatcher();

    @Test
    void readsSharingOfManualClusterSnapshots() {
        RdsClient rds = moto.client(RdsClient.builder(), REGION);
        rds.createDBCluster(r -> r.dbClusterIdentifier("ledger").engine("aurora-postgresql").masterUsername("admin")
                .masterUserPassword("correct-horse-9").storageEncrypted(false));
        rds.createDBClusterSnapshot(r -> r.dbClusterIdentifier("ledger").dbClusterSnapshotIdentifier("shared"));
        rds.modifyDBClusterSnapshotAttribute(r -> r.dbClusterSnapshotIdentifier("shared").attributeName("restore")
                .valuesToAdd("all"));
        rds.createDBClusterSnapshot(r -> r.dbClusterIdentifier("ledger").dbClusterSnapshotIdentifier("kept"));

        Map<String, RdsClusterSnapshotConfig> byName = configs(watcher, REGION);
        assertThat(byName).containsKeys("shared", "kept");
        RdsClusterSnapshotConfig shared = byName.get("shared");
        assertThat(shared.dbClusterIdentifier()).isEqualTo("ledger");
        assertThat(shared.engine()).isEqualTo("aurora-postgresql");
        assertThat(shared.storageEncrypted()).isFalse();
        assertThat(shared.snapshotType()).isEqualTo("manual");
        assertThat(shared.sharedWith()).containsExactly("all");
        assertThat(byName.get("kept").sharedWith()).isEmpty();
    }
}
