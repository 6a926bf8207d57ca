package io.watchkeeper.watchers.aws.rds;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.config.aws.RdsSnapshotConfig;
import io.watchkeeper.core.json.EphemeralPaths;
import io.watchkeeper.watchers.testing.AwsWatcherTestSupport;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.rds.RdsClient;

class RdsSnapshotWatcherTest extends AwsWatcherTestSupport {

    private static final String REGION = "eu-west-1";
    private final RdsSnapshotWatcher watcher = new RdsSnapshotWatcher();

    @Test
    void readsWhomAManualSnapshotIsSharedWithAndAPrivateOne() {
        RdsClient rds = moto.client(RdsClient.builder(), REGION);
        rds.createDBInstance(r -> r.dbInstanceIdentifier("orders").engine("postgres").dbInstanceClass("db.t3.micro")
                .allocatedStorage(20).masterUsername("admin").masterUserPassword("correct-horse-9").storageEncrypted(true));
        rds.createDBSnapshot(r -> r.dbInstanceIdentifier("orders").dbSnapshotIdentifier("public-copy")
                .tags(t -> t.key("team").value("shop")));
        rds.modifyDBSnapshotAttribute(r -> r.dbSnapshotIdentifier("public-copy").attributeName("restore")
                .valuesToAdd("all", "210987654321"));
        rds.createDBSnapshot(r -> r.dbInstanceIdentifier("orders").dbSnapshotIdentifier("private-copy"));

        Map<String, RdsSnapshotConfig> byName = configs(watcher, REGION);
        assertThat(byName).containsKeys("public-copy", "private-copy");
        RdsSnapshotConfig shared = byName.get("public-copy");
        assertThat(shared.arn()).isEqualTo("arn:aws:rds:eu-west-1:123456789012:snapshot:public-copy");
        assertThat(shared.dbInstanceIdentifier()).isEqualTo("orders");
        assertThat(shared.snapshotType()).isEqualTo("manual");
        assertThat(shared.engine()).isEqualTo("postgres");
        assertThat(shared.encrypted()).isTrue();
        assertThat(shared.sharedWith()).containsExactly("210987654321", "all");
        assertThat(shared.tags()).containsEntry("team", "shop");
        assertThat(byName.get("private-copy").sharedWith()).isEmpty();
        assertThat(EphemeralPaths.of(RdsSnapshotConfig.class).describe()).containsExactly("status");
    }
}
