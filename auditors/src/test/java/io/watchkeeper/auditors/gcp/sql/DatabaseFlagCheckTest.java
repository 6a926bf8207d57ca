package io.watchkeeper.auditors.gcp.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.config.gcp.GcpSqlInstanceConfig;
import org.junit.jupiter.api.Test;

class DatabaseFlagCheckTest {

    private static Check<GcpSqlInstanceConfig> check(String cis) {
        return new DatabaseFlagCheck(DatabaseFlag.CIS.stream().filter(f -> f.cis().equals(cis)).findFirst().orElseThrow());
    }

    @Test
    void anUnsetFlagFailsWhereTheDefaultIsBadAndABadValueFails() {
        assertThat(check("6.1.3").evaluate(SqlConfigs.sql("MYSQL_8_0", ""), new TestContext())).singleElement()
                .satisfies(e -> assertThat(e.message()).isEqualTo("'local_infile' is unset, CIS wants off"));
        assertThat(check("6.2.2").evaluate(SqlConfigs.sql("POSTGRES_15", ",'databaseFlags':{'log_connections':'off'}"),
                new TestContext())).hasSize(1);
        assertThat(check("6.2.1").evaluate(SqlConfigs.sql("POSTGRES_15", ",'databaseFlags':{'log_error_verbosity':'verbose'}"),
                new TestContext())).hasSize(1);
        assertThat(check("6.3.4").evaluate(SqlConfigs.sql("SQLSERVER_2019_STANDARD", ",'databaseFlags':{'user options':'16'}"),
                new TestContext())).hasSize(1);
        assertThat(check("6.3.5").evaluate(SqlConfigs.sql("SQLSERVER_2019_STANDARD", ""), new TestContext())).hasSize(1);
    }

    @Test
    void goodValuesGoodDefaultsAndOtherEnginesPass() {
        assertThat(check("6.1.3").evaluate(SqlConfigs.sql("MYSQL_8_0", ",'databaseFlags':{'local_infile':'OFF'}"), new TestContext())).isEmpty();
        assertThat(check("6.2.1").evaluate(SqlConfigs.sql("POSTGRES_15", ""), new TestContext())).isEmpty();
        assertThat(check("6.2.7").evaluate(SqlConfigs.sql("POSTGRES_15", ",'databaseFlags':{'log_min_duration_statement':'-1'}"),
                new TestContext())).isEmpty();
        assertThat(check("6.1.3").evaluate(SqlConfigs.sql("POSTGRES_15", ""), new TestContext())).as("a MySQL flag").isEmpty();
        assertThat(check("6.3.1").evaluate(SqlConfigs.sql("SQLSERVER_2019_STANDARD", ""), new TestContext())).isEmpty();
    }

    @Test
    void sqlServerUserConnectionsFailsOnlyWhenItLimitsConnections() {
        // CIS 6.3.3 (was undecided): a limit fails; unset (the default 0) and 0 pass; other engines are not concerned
        assertThat(check("6.3.3").evaluate(SqlConfigs.sql("SQLSERVER_2019_STANDARD", ",'databaseFlags':{'user connections':'100'}"),
                new TestContext())).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("'user connections'", "100"));
        assertThat(check("6.3.3").evaluate(SqlConfigs.sql("SQLSERVER_2019_STANDARD", ""), new TestContext())).isEmpty();
        assertThat(check("6.3.3").evaluate(SqlConfigs.sql("SQLSERVER_2019_STANDARD", ",'databaseFlags':{'user connections':'0'}"),
                new TestContext())).isEmpty();
        assertThat(check("6.3.3").evaluate(SqlConfigs.sql("MYSQL_8_0", ",'databaseFlags':{'user connections':'100'}"),
                new TestContext())).isEmpty();
        assertThat(check("6.3.3").id().id()).isEqualTo("gcp.sql.instance/sqlserver-user-connections-limited");
        assertThat(check("6.3.3").controls()).containsExactly("CIS-GCP-3.0:6.3.3");
    }

    @Test
    void seventeenFlagChecksWithStableIdsAndNames() {
        assertThat(new DatabaseFlagChecks().checks()).hasSize(17);
        assertThat(check("6.2.8").id().id()).isEqualTo("gcp.sql.instance/postgres-pgaudit-off");
        assertThat(check("6.2.8").name()).isEqualTo("GcpSqlInstancePostgresPgauditOff");
        assertThat(check("6.2.8").controls()).containsExactly("CIS-GCP-3.0:6.2.8");
    }
}
