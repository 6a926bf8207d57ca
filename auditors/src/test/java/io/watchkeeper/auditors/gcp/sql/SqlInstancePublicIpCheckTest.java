package io.watchkeeper.auditors.gcp.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.TestContext;
import org.junit.jupiter.api.Test;

class SqlInstancePublicIpCheckTest {

    private final SqlInstancePublicIpCheck check = new SqlInstancePublicIpCheck();

    @Test
    void aPublicIpIsReportedAPrivateOnlyInstanceIsNot() {
        assertThat(check.evaluate(SqlConfigs.sql("POSTGRES_15", ",'ipv4Enabled':true"), new TestContext())).hasSize(1);
        assertThat(check.evaluate(SqlConfigs.sql("POSTGRES_15", ",'ipv4Enabled':false,'privateNetwork':'projects/p/global/networks/n'"),
                new TestContext())).isEmpty();
    }

    @Test
    void itDecidesCis629InstanceIpAssignmentPrivateAsWellAs66() {
        assertThat(check.controls()).containsExactlyInAnyOrder("CIS-GCP-3.0:6.6", "CIS-GCP-3.0:6.2.9");
    }
}
