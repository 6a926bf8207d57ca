package io.watchkeeper.watchers.gcp.dns;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.config.gcp.GcpDnsManagedZoneConfig;
import io.watchkeeper.core.config.gcp.GcpDnsManagedZoneConfig.KeySpec;
import io.watchkeeper.watchers.testing.GcpWatcherTestSupport;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ManagedZoneWatcherTest extends GcpWatcherTestSupport {

    private final ManagedZoneWatcher watcher = new ManagedZoneWatcher();

    @Test
    void readsDnssecAlgorithmsAndThePoliciesOfPrivateZones() {
        Map<String, GcpDnsManagedZoneConfig> zones = configs(watcher);
        GcpDnsManagedZoneConfig pub = zones.get("example-com");
        assertThat(pub.dnssecState()).isEqualTo("on");
        assertThat(pub.keySpecs()).containsExactly(new KeySpec("keySigning", "rsasha256", 2048L),
                new KeySpec("zoneSigning", "rsasha1", 1024L));
        assertThat(pub.loggingEnabled()).isFalse();
        GcpDnsManagedZoneConfig internal = zones.get("internal");
        assertThat(internal.privateNetworks()).containsExactly("projects/cloud-custodian/global/networks/default");
        assertThat(internal.networkPolicies()).singleElement().satisfies(p -> assertThat(p.enableLogging()).isTrue());
    }

    @Test
    void aZoneWithoutDnssecOrPoliciesHasNone() {
        GcpDnsManagedZoneConfig internal = configs(watcher).get("internal");
        assertThat(internal.dnssecState()).isNull();
        assertThat(internal.keySpecs()).isEmpty();
        assertThat(configs(watcher).get("example-com").networkPolicies()).isEmpty();
    }
}
