package io.watchkeeper.auditors.gcp.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.Configs;
import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.config.gcp.GcpSqlInstanceConfig;
import org.junit.jupiter.api.Test;

class SqlInstanceBackupsOffCheckTest {

    private final SqlInstanceBackupsOffCheck check = new SqlInstanceBackupsOffCheck();

    @Test
    void aPrimaryWithoutBackupsIsReportedReplicasAndBackedUpOnesAreNot() {
        assertThat(check.evaluate(SqlConfigs.sql("MYSQL_8_0", ",'backupEnabled':false"), new TestContext())).hasSize(1);
        assertThat(check.evaluate(SqlConfigs.sql("MYSQL_8_0", ",'backupEnabled':true"), new TestContext())).isEmpty();
        assertThat(check.evaluate(Configs.lenient(GcpSqlInstanceConfig.class,
                "{'name':'r','instanceType':'READ_REPLICA_INSTANCE','backupEnabled':false}"), new TestContext())).isEmpty();
    }
}
