package io.watchkeeper.auditors.gcp.compute;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.TestContext;
import org.junit.jupiter.api.Test;

class InstanceIpForwardingCheckTest {

    private final InstanceIpForwardingCheck check = new InstanceIpForwardingCheck();

    @Test
    void forwardingIsReportedExceptOnGkeNodes() {
        assertThat(check.evaluate(VmConfigs.vm(",'canIpForward':true"), new TestContext())).hasSize(1);
        assertThat(check.evaluate(VmConfigs.vm(",'canIpForward':false"), new TestContext())).isEmpty();
        assertThat(check.evaluate(VmConfigs.vm("n", ",'canIpForward':true,'labels':{'goog-gke-node':''}"), new TestContext())).isEmpty();
    }
}
