package io.watchkeeper.watchers.gcp.compute;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.config.gcp.GcpSubnetworkConfig;
import io.watchkeeper.watchers.testing.GcpTestOrg;
import io.watchkeeper.watchers.testing.GcpWatcherTestSupport;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SubnetworkWatcherTest extends GcpWatcherTestSupport {

    private final SubnetworkWatcher watcher = new SubnetworkWatcher();

    @Test
    void readsFlowLogsAndPrivateAccessOfEveryRegionFromTheAggregatedList() {
        Map<String, GcpSubnetworkConfig> subnets = configs(watcher);
        assertThat(subnets).hasSize(19).containsKeys("us-central1/default", "europe-west1/prod-eu", "asia-northeast1/default");
        GcpSubnetworkConfig logged = subnets.get("europe-west1/prod-eu");
        assertThat(logged.flowLogs()).isTrue();
        assertThat(logged.flowLogSampling()).isEqualTo(0.5f);
        assertThat(logged.flowLogAggregationInterval()).isEqualTo("INTERVAL_5_SEC");
        assertThat(logged.privateIpGoogleAccess()).isTrue();
        assertThat(logged.secondaryRanges()).containsExactly("pods=10.20.0.0/16");
        assertThat(logged.network()).isEqualTo("projects/cloud-custodian/global/networks/prod-vpc");
        assertThat(subnets.get("us-central1/default").flowLogs()).isTrue();
        // one aggregated call per page of scopes, never one per region
        assertThat(server.requests()).allMatch(r -> !r.path().contains("/regions/"));
        assertThat(server.requests()).filteredOn(r -> r.path().endsWith("/aggregated/subnetworks")).isNotEmpty();
    }

    @Test
    void subnetworksWithoutFlowLogsSayOff() {
        GcpSubnetworkConfig plain = configs(watcher).get("asia-northeast1/default");
        assertThat(plain.flowLogs()).isFalse();
        assertThat(plain.flowLogSampling()).isNull();
        assertThat(plain.privateIpGoogleAccess()).isFalse();
        try (var empty = open(GcpTestOrg.EMPTY)) {
            assertThat(observe(watcher, empty)).isEmpty();
        }
    }
}
