package io.watchkeeper.auditors.gcp.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.Configs;
import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.config.gcp.GcpRunServiceConfig;
import io.watchkeeper.core.finding.Exposure;
import org.junit.jupiter.api.Test;

class RunServiceInvokerIamDisabledCheckTest {

    private final RunServiceInvokerIamDisabledCheck check = new RunServiceInvokerIamDisabledCheck();

    private static GcpRunServiceConfig service(boolean disabled, String ingress) {
        return Configs.lenient(GcpRunServiceConfig.class, "{'name':'s','invokerIamDisabled':" + disabled + ",'ingress':'" + ingress + "'}");
    }

    @Test
    void noInvokerCheckWithAllIngressIsReported() {
        assertThat(check.evaluate(service(true, "INGRESS_TRAFFIC_ALL"), new TestContext())).singleElement()
                .satisfies(e -> assertThat(e.exposure()).isEqualTo(Exposure.INTERNET));
    }

    @Test
    void internalIngressOrTheCheckOnIsNot() {
        assertThat(check.evaluate(service(true, "INGRESS_TRAFFIC_INTERNAL_ONLY"), new TestContext())).isEmpty();
        assertThat(check.evaluate(service(false, "INGRESS_TRAFFIC_ALL"), new TestContext())).isEmpty();
    }
}
