package io.watchkeeper.auditors.gcp.compute;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.Configs;
import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.config.gcp.GcpNetworkConfig;
import org.junit.jupiter.api.Test;

class NetworkLegacyNetworkCheckTest {

    private final NetworkLegacyNetworkCheck check = new NetworkLegacyNetworkCheck();

    @Test
    void legacyNetworksAreReportedAndVpcNetworksAreNot() {
        assertThat(check.evaluate(Configs.lenient(GcpNetworkConfig.class, "{'name':'old','mode':'LEGACY','ipv4Range':'10.0.0.0/16'}"),
                new TestContext())).singleElement().satisfies(e -> assertThat(e.message()).contains("10.0.0.0/16"));
        assertThat(check.evaluate(Configs.lenient(GcpNetworkConfig.class, "{'name':'legacy','mode':'CUSTOM'}"), new TestContext())).isEmpty();
        assertThat(check.evaluate(Configs.lenient(GcpNetworkConfig.class, "{'name':'n'}"), new TestContext())).isEmpty();
    }
}
