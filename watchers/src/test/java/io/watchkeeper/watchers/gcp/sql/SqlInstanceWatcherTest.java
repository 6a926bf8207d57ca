package io.watchkeeper.watchers.gcp.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.config.gcp.GcpSqlInstanceConfig;
import io.watchkeeper.watchers.testing.GcpTestOrg;
import io.watchkeeper.watchers.testing.GcpWatcherTestSupport;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SqlInstanceWatcherTest extends GcpWatcherTestSupport {

    private final SqlInstanceWatcher watcher = new SqlInstanceWatcher();

    @Test
    void readsAuthorisedNetworksPublicIpSslBackupsAndFlags() {
        Map<String, GcpSqlInstanceConfig> instances = configs(watcher);
        assertThat(instances).containsOnlyKeys("brenttest-6", "custodian-postgres", "wk-mysql");
        GcpSqlInstanceConfig open = instances.get("wk-mysql");
        assertThat(open.authorizedNetworks()).extracting(GcpSqlInstanceConfig.AuthorizedNetwork::value)
                .containsExactly("0.0.0.0/0", "203.0.113.0/24");
        assertThat(open.ipv4Enabled()).isTrue();
        assertThat(open.publicAddresses()).containsExactly("34.1.2.3");
        assertThat(open.requireSsl()).isFalse();
        assertThat(open.sslMode()).isEqualTo("ALLOW_UNENCRYPTED_AND_ENCRYPTED");
        assertThat(open.backupEnabled()).isFalse();
        assertThat(open.databaseFlags()).containsEntry("local_infile", "on").containsEntry("skip_show_database", "off");
        assertThat(instances.get("custodian-postgres").databaseVersion()).isEqualTo("POSTGRES_9_6");
    }

    @Test
    void aRecordedInstanceWithoutAuthorisedNetworksHasNone() {
        GcpSqlInstanceConfig recorded = configs(watcher).get("brenttest-6");
        assertThat(recorded.authorizedNetworks()).isEmpty();
        assertThat(recorded.databaseFlags()).doesNotContainKey("local_infile");
        try (var empty = open(GcpTestOrg.EMPTY)) {
            assertThat(observe(watcher, empty)).isEmpty();
        }
    }
}
