package io.watchkeeper.watchers.gcp.dataproc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchkeeper.core.config.gcp.GcpDataprocClusterConfig;
import io.watchkeeper.core.watch.Observation;
import io.watchkeeper.watchers.testing.GcpTestOrg;
import io.watchkeeper.watchers.testing.GcpWatcherTestSupport;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClusterWatcherTest extends GcpWatcherTestSupport {

    private final ClusterWatcher watcher = new ClusterWatcher();

    @Test
    void listsClustersOfEveryRegionWithTheirDiskKey() {
        Map<String, GcpDataprocClusterConfig> clusters = configs(watcher);
        assertThat(clusters).containsOnlyKeys("etl", "adhoc");
        GcpDataprocClusterConfig etl = clusters.get("etl");
        assertThat(etl.gcePdKmsKeyName()).endsWith("/keyRings/c7n-dataproc-kr-8f5962e0/cryptoKeys/pd");
        assertThat(etl.region()).isEqualTo("us-central1");
        assertThat(etl.state()).isEqualTo("RUNNING");
        assertThat(etl.internalIpOnly()).isTrue();
        assertThat(etl.serviceAccount()).isEqualTo("dataproc@cloud-custodian.iam.gserviceaccount.com");
        assertThat(clusters.get("adhoc").gcePdKmsKeyName()).isNull();
        server.clearRequests();
        assertThat(observe(watcher)).extracting(Observation::resourceId)
                .contains("//dataproc.googleapis.com/projects/cloud-custodian/regions/europe-west1/clusters/adhoc");
        // one list per region (three regions, listed over two pages), nothing per cluster
        assertThat(server.requests()).filteredOn(r -> r.path().matches("/v1/projects/cloud-custodian/regions/[^/]+/clusters"))
                .hasSize(3);
    }

    @Test
    void aProjectWithoutTheDataprocApiIsNotAskedPerRegion() {
        try (var dev = open(GcpTestOrg.DEV)) {
            assertThat(observe(watcher, dev)).isEmpty();
        }
        assertThat(server.requests()).filteredOn(r -> r.path().startsWith("/compute/v1/projects/wk-dev/regions")
                || r.path().contains("/clusters")).isEmpty();
    }

    @Test
    void aFailingRegionFailsTheScope() {
        server.fail("GET", "/v1/projects/cloud-custodian/regions/us-east1/clusters", 403, 1);
        assertThatThrownBy(() -> observe(watcher)).hasMessageContaining("gcp.dataproc.cluster");
    }
}
