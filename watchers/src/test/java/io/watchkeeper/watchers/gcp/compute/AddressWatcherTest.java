package io.watchkeeper.watchers.gcp.compute;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.config.gcp.GcpAddressConfig;
import io.watchkeeper.core.watch.Observation;
import io.watchkeeper.watchers.testing.GcpTestOrg;
import io.watchkeeper.watchers.testing.GcpWatcherTestSupport;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AddressWatcherTest extends GcpWatcherTestSupport {

    private final AddressWatcher watcher = new AddressWatcher();

    @Test
    void readsRegionalAndGlobalAddressesFromOneAggregatedList() {
        Map<String, GcpAddressConfig> addresses = configs(watcher);
        assertThat(addresses).containsOnlyKeys("europe-west1/web-ip", "us-central1/spare-ip", "global/peering-range");
        GcpAddressConfig web = addresses.get("europe-west1/web-ip");
        assertThat(web.addressType()).isEqualTo("EXTERNAL");
        assertThat(web.status()).isEqualTo("IN_USE");
        assertThat(web.users()).containsExactly("projects/cloud-custodian/zones/europe-west1-b/instances/hardened");
        assertThat(addresses.get("global/peering-range").purpose()).isEqualTo("VPC_PEERING");
        assertThat(observe(watcher)).extracting(Observation::resourceId)
                .contains("//compute.googleapis.com/projects/cloud-custodian/global/addresses/peering-range");
        assertThat(server.requests()).filteredOn(r -> r.path().contains("/addresses"))
                .allSatisfy(r -> assertThat(r.path()).endsWith("/aggregated/addresses"));
    }

    @Test
    void anUnusedReservationSaysSoAndAProjectWithoutAddressesHasNone() {
        GcpAddressConfig spare = configs(watcher).get("us-central1/spare-ip");
        assertThat(spare.status()).isEqualTo("RESERVED");
        assertThat(spare.users()).isEmpty();
        try (var dev = open(GcpTestOrg.DEV)) {
            assertThat(observe(watcher, dev)).isEmpty();
        }
    }
}
