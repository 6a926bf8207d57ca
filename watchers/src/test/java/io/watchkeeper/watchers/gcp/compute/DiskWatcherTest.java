package io.watchkeeper.watchers.gcp.compute;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.config.gcp.GcpDiskConfig;
import io.watchkeeper.core.watch.Observation;
import io.watchkeeper.watchers.testing.GcpTestOrg;
import io.watchkeeper.watchers.testing.GcpWatcherTestSupport;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DiskWatcherTest extends GcpWatcherTestSupport {

    private final DiskWatcher watcher = new DiskWatcher();

    @Test
    void readsEveryZonalAndRegionalDiskWithItsEncryptionInOneAggregatedList() {
        Map<String, GcpDiskConfig> disks = configs(watcher);
        assertThat(disks).containsOnlyKeys("c7n-jenkins", "drone", "custodian-dev", "hardened", "payments-db", "shared-data");
        GcpDiskConfig hardened = disks.get("hardened");
        assertThat(hardened.encryption()).isEqualTo("CSEK");
        assertThat(hardened.csekSha256()).isEqualTo("nHvsBMDOZTqmy1RbB2NUrjfMc4jRHS2IB0UYK8BNJ3U=");
        assertThat(hardened.kmsKeyName()).isNull();
        assertThat(hardened.users()).containsExactly("projects/cloud-custodian/zones/europe-west1-b/instances/hardened");
        assertThat(hardened.labels()).containsEntry("watchkeeper-critical", "true");
        assertThat(disks.get("payments-db").encryption()).isEqualTo("CMEK");
        assertThat(disks.get("payments-db").kmsKeyName()).endsWith("/cryptoKeys/pd/cryptoKeyVersions/1");
        assertThat(disks.get("c7n-jenkins").encryption()).isEqualTo("GOOGLE");
        assertThat(disks.get("c7n-jenkins").type()).isEqualTo("pd-balanced");
        assertThat(disks.get("c7n-jenkins").sourceImage()).isEqualTo("projects/debian-cloud/global/images/debian-12-bookworm-v20240110");
        GcpDiskConfig regional = disks.get("shared-data");
        assertThat(regional.zone()).isNull();
        assertThat(regional.region()).isEqualTo("europe-west1");
        assertThat(regional.sizeGb()).isEqualTo(200);
        assertThat(observe(watcher)).extracting(Observation::resourceId)
                .contains("//compute.googleapis.com/projects/cloud-custodian/regions/europe-west1/disks/shared-data",
                        "//compute.googleapis.com/projects/cloud-custodian/zones/europe-west1-b/disks/hardened");
        // only aggregated pages, never a call per disk or per zone
        assertThat(server.requests()).filteredOn(r -> r.path().contains("/disks"))
                .allSatisfy(r -> assertThat(r.path()).isEqualTo("/compute/v1/projects/cloud-custodian/aggregated/disks"));
    }

    @Test
    void aProjectWithoutDisksHasNone() {
        try (var dev = open(GcpTestOrg.DEV)) {
            assertThat(observe(watcher, dev)).isEmpty();
        }
    }
}
