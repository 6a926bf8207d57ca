package io.watchkeeper.auditors.gcp.compute;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.Configs;
import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.config.gcp.GcpBackendServiceConfig;
import org.junit.jupiter.api.Test;

class BackendServiceLoggingOffCheckTest {

    private final BackendServiceLoggingOffCheck check = new BackendServiceLoggingOffCheck();

    static GcpBackendServiceConfig service(String scheme, String protocol, boolean logging, String sampleRate) {
        return Configs.lenient(GcpBackendServiceConfig.class, "{'name':'web','loadBalancingScheme':'" + scheme
                + "','protocol':'" + protocol + "','loggingEnabled':" + logging
                + (sampleRate == null ? "" : ",'logSampleRate':" + sampleRate) + "}");
    }

    @Test
    void httpLoadBalancersWithoutRequestLoggingAreReported() {
        assertThat(check.evaluate(service("EXTERNAL", "HTTP", false, null), new TestContext())).singleElement()
                .satisfies(e -> {
                    assertThat(e.key()).isEqualTo("logging-off");
                    assertThat(e.details().get("protocol").asString()).isEqualTo("HTTP");
                    assertThat(e.details().get("loadBalancingScheme").asString()).isEqualTo("EXTERNAL");
                });
        assertThat(check.evaluate(service("EXTERNAL_MANAGED", "HTTPS", false, "1.0"), new TestContext())).hasSize(1);
        assertThat(check.evaluate(service("INTERNAL_MANAGED", "HTTP2", false, null), new TestContext())).hasSize(1);
        assertThat(check.evaluate(service("external_managed", "https", false, null), new TestContext())).hasSize(1);
        assertThat(check.controls()).containsExactly("CIS-GCP-3.0:2.16");
    }

    @Test
    void loggingLoadBalancersAndOtherBackendServicesAreClean() {
        assertThat(check.evaluate(service("EXTERNAL_MANAGED", "HTTPS", true, "1.0"), new TestContext())).isEmpty();
        // logging on with sample rate 0: CIS 2.16 asks for enable only (documented on the check)
        assertThat(check.evaluate(service("INTERNAL_MANAGED", "HTTPS", true, "0.0"), new TestContext())).isEmpty();
        // not HTTP(S) load balancers: network and proxy load balancers, passthrough, Traffic Director
        assertThat(check.evaluate(service("INTERNAL", "TCP", false, null), new TestContext())).isEmpty();
        assertThat(check.evaluate(service("INTERNAL", "UDP", false, null), new TestContext())).isEmpty();
        assertThat(check.evaluate(service("EXTERNAL", "SSL", false, null), new TestContext())).isEmpty();
        assertThat(check.evaluate(service("EXTERNAL_MANAGED", "TCP", false, null), new TestContext())).isEmpty();
        assertThat(check.evaluate(service("INTERNAL_MANAGED", "GRPC", false, null), new TestContext())).isEmpty();
        assertThat(check.evaluate(service("INTERNAL_SELF_MANAGED", "HTTP", false, null), new TestContext())).isEmpty();
        assertThat(check.evaluate(Configs.lenient(GcpBackendServiceConfig.class, "{'name':'odd'}"), new TestContext())).isEmpty();
    }
}
