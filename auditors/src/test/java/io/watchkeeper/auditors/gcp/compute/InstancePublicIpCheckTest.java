package io.watchkeeper.auditors.gcp.compute;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.finding.Evidence;
import org.junit.jupiter.api.Test;

class InstancePublicIpCheckTest {

    private final InstancePublicIpCheck check = new InstancePublicIpCheck();

    @Test
    void anInterfaceWithAnAccessConfigIsReported() {
        assertThat(check.evaluate(VmConfigs.vm(",'networkInterfaces':[{'name':'nic0','accessConfigs':[{'type':'ONE_TO_ONE_NAT'}]},"
                + "{'name':'nic1','accessConfigs':[]}]"), new TestContext())).extracting(Evidence::key).containsExactly("external-ip:nic0");
    }

    @Test
    void internalOnlyInterfacesAndGkeNodesAreNot() {
        assertThat(check.evaluate(VmConfigs.vm(",'networkInterfaces':[{'name':'nic0','networkIp':'10.0.0.2','accessConfigs':[]}]"),
                new TestContext())).isEmpty();
        assertThat(check.evaluate(VmConfigs.vm("gke-x", ",'networkInterfaces':[{'name':'nic0','accessConfigs':[{'type':'ONE_TO_ONE_NAT'}]}]"),
                new TestContext())).isEmpty();
    }
}
