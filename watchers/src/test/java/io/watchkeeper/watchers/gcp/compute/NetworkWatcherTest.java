package io.watchkeeper.watchers.gcp.compute;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.config.gcp.GcpNetworkConfig;
import io.watchkeeper.watchers.testing.GcpTestOrg;
import io.watchkeeper.watchers.testing.GcpWatcherTestSupport;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NetworkWatcherTest extends GcpWatcherTestSupport {

    private final NetworkWatcher watcher = new NetworkWatcher();

    @Test
    void tellsLegacyAutoAndCustomNetworksApart() {
        Map<String, GcpNetworkConfig> networks = configs(watcher);
        assertThat(networks).containsOnlyKeys("default", "legacy-net", "prod-vpc");
        assertThat(networks.get("default").mode()).isEqualTo("AUTO");
        assertThat(networks.get("default").subnetworks()).hasSize(25).contains("us-central1/default");
        assertThat(networks.get("legacy-net").mode()).isEqualTo("LEGACY");
        assertThat(networks.get("legacy-net").ipv4Range()).isEqualTo("10.240.0.0/16");
        GcpNetworkConfig custom = networks.get("prod-vpc");
        assertThat(custom.mode()).isEqualTo("CUSTOM");
        assertThat(custom.routingMode()).isEqualTo("GLOBAL");
        assertThat(custom.subnetworks()).containsExactly("europe-west1/prod-eu");
        assertThat(custom.peerings()).singleElement().satisfies(p -> {
            assertThat(p.network()).isEqualTo("projects/shared/global/networks/hub");
            assertThat(p.exportCustomRoutes()).isTrue();
            assertThat(p.importCustomRoutes()).isFalse();
        });
    }

    @Test
    void dnsLoggingIsOnWhereALoggingDnsPolicyIsAttachedAndUnknownWhenThePoliciesAreDenied() {
        Map<String, GcpNetworkConfig> networks = configs(watcher);
        assertThat(networks.get("default").dnsLogging()).isTrue();
        assertThat(networks.get("prod-vpc").dnsLogging()).isFalse();
        server.fail("GET", "/dns/v1/projects/.*/policies", 403, 1);
        assertThat(configs(watcher)).allSatisfy((name, n) -> assertThat(n.dnsLogging()).as(name).isNull());
    }

    @Test
    void aProjectWithoutTheDefaultNetworkHasOnlyItsCustomOne() {
        try (var dev = open(GcpTestOrg.DEV)) {
            Map<String, GcpNetworkConfig> networks = configs(watcher, dev);
            assertThat(networks).containsOnlyKeys("dev-vpc");
            assertThat(networks.get("dev-vpc").mode()).isEqualTo("CUSTOM");
            assertThat(networks.get("dev-vpc").ipv4Range()).isNull();
            assertThat(networks.get("dev-vpc").peerings()).isEmpty();
        }
    }
}
