package io.watchkeeper.auditors.gcp.compute;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.Configs;
import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.config.gcp.GcpNetworkConfig;
import org.junit.jupiter.api.Test;

class NetworkDefaultNetworkCheckTest {

    private final NetworkDefaultNetworkCheck check = new NetworkDefaultNetworkCheck();

    @Test
    void theDefaultNetworkIsReportedAndOthersAreNot() {
        assertThat(check.evaluate(Configs.lenient(GcpNetworkConfig.class, "{'name':'default','mode':'AUTO'}"), new TestContext())).hasSize(1);
        assertThat(check.evaluate(Configs.lenient(GcpNetworkConfig.class, "{'name':'default-vpc','mode':'AUTO'}"), new TestContext())).isEmpty();
        assertThat(check.evaluate(Configs.lenient(GcpNetworkConfig.class, "{'name':'Default','mode':'CUSTOM'}"), new TestContext())).isEmpty();
    }
}
