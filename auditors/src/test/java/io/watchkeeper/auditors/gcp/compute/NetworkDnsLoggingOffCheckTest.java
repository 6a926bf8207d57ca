package io.watchkeeper.auditors.gcp.compute;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.Configs;
import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.config.gcp.GcpNetworkConfig;
import io.watchkeeper.core.finding.Evidence;
import org.junit.jupiter.api.Test;

class NetworkDnsLoggingOffCheckTest {

    private final NetworkDnsLoggingOffCheck check = new NetworkDnsLoggingOffCheck();

    private static GcpNetworkConfig network(String json) {
        return Configs.lenient(GcpNetworkConfig.class, json);
    }

    @Test
    void aNetworkWithoutALoggingDnsPolicyIsReported() {
        assertThat(check.evaluate(network("{'name':'prod-vpc','mode':'CUSTOM','dnsLogging':false}"), new TestContext()))
                .extracting(Evidence::message).containsExactly("No DNS server policy with logging is attached to network prod-vpc");
        assertThat(check.controls()).containsExactly("CIS-GCP-3.0:2.12");
    }

    @Test
    void aLoggedNetworkAnUnknownOneAndALegacyOneAreNot() {
        assertThat(check.evaluate(network("{'name':'default','mode':'AUTO','dnsLogging':true}"), new TestContext())).isEmpty();
        assertThat(check.evaluate(network("{'name':'prod-vpc','mode':'CUSTOM'}"), new TestContext())).isEmpty();
        assertThat(check.evaluate(network("{'name':'legacy-net','mode':'LEGACY','dnsLogging':false}"), new TestContext())).isEmpty();
    }
}
