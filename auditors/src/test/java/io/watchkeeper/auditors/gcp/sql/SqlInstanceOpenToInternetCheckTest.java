package io.watchkeeper.auditors.gcp.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.finding.Evidence;
import org.junit.jupiter.api.Test;

class SqlInstanceOpenToInternetCheckTest {

    private final SqlInstanceOpenToInternetCheck check = new SqlInstanceOpenToInternetCheck();

    @Test
    void anAuthorisedNetworkOfTheWholeInternetIsReported() {
        assertThat(check.evaluate(SqlConfigs.sql("MYSQL_8_0", ",'ipv4Enabled':true,'authorizedNetworks':[{'name':'any','value':'0.0.0.0/0'},"
                + "{'value':'203.0.113.0/24'}]"), new TestContext())).extracting(Evidence::key).containsExactly("authorized-network:0.0.0.0/0");
    }

    @Test
    void narrowNetworksOrNoPublicIpAreNot() {
        assertThat(check.evaluate(SqlConfigs.sql("MYSQL_8_0", ",'ipv4Enabled':true,'authorizedNetworks':[{'value':'0.0.0.0/1'}]"),
                new TestContext())).isEmpty();
        assertThat(check.evaluate(SqlConfigs.sql("MYSQL_8_0", ",'ipv4Enabled':false,'authorizedNetworks':[{'value':'0.0.0.0/0'}]"),
                new TestContext())).isEmpty();
    }
}
