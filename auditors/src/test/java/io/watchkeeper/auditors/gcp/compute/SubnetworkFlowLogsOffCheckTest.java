package io.watchkeeper.auditors.gcp.compute;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.Configs;
import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.config.gcp.GcpSubnetworkConfig;
import io.watchkeeper.core.finding.Evidence;
import org.junit.jupiter.api.Test;

class SubnetworkFlowLogsOffCheckTest {

    private final SubnetworkFlowLogsOffCheck check = new SubnetworkFlowLogsOffCheck();

    private static GcpSubnetworkConfig subnet(String extra) {
        return Configs.lenient(GcpSubnetworkConfig.class, "{'name':'s','region':'us-central1'" + extra + "}");
    }

    @Test
    void offAndPartialFlowLogsAreReported() {
        assertThat(check.evaluate(subnet(",'flowLogs':false,'purpose':'PRIVATE'"), new TestContext())).extracting(Evidence::key)
                .containsExactly("flow-logs");
        assertThat(check.evaluate(subnet(",'flowLogs':true,'flowLogAggregationInterval':'INTERVAL_10_MIN','flowLogSampling':0.5,"
                + "'flowLogMetadata':'INCLUDE_ALL_METADATA'"), new TestContext())).extracting(Evidence::key)
                .containsExactly("flow-logs-partial");
    }

    @Test
    void completeFlowLogsAndProxyOnlySubnetworksAreNot() {
        assertThat(check.evaluate(subnet(",'flowLogs':true,'flowLogAggregationInterval':'INTERVAL_5_SEC','flowLogSampling':1.0,"
                + "'flowLogMetadata':'INCLUDE_ALL_METADATA'"), new TestContext())).isEmpty();
        assertThat(check.evaluate(subnet(",'flowLogs':false,'purpose':'REGIONAL_MANAGED_PROXY'"), new TestContext())).isEmpty();
    }
}
