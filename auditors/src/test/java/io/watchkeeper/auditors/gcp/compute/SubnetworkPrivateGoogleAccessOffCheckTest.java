package io.watchkeeper.auditors.gcp.compute;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.Configs;
import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.config.gcp.GcpSubnetworkConfig;
import org.junit.jupiter.api.Test;

class SubnetworkPrivateGoogleAccessOffCheckTest {

    private final SubnetworkPrivateGoogleAccessOffCheck check = new SubnetworkPrivateGoogleAccessOffCheck();

    @Test
    void offOnAPrivateSubnetworkIsReportedOnOrOnProxySubnetsIsNot() {
        assertThat(check.evaluate(Configs.lenient(GcpSubnetworkConfig.class, "{'name':'s','privateIpGoogleAccess':false}"),
                new TestContext())).hasSize(1);
        assertThat(check.evaluate(Configs.lenient(GcpSubnetworkConfig.class, "{'name':'s','privateIpGoogleAccess':true}"),
                new TestContext())).isEmpty();
        assertThat(check.evaluate(Configs.lenient(GcpSubnetworkConfig.class,
                "{'name':'s','privateIpGoogleAccess':false,'purpose':'PRIVATE_SERVICE_CONNECT'}"), new TestContext())).isEmpty();
    }
}
