package io.watchkeeper.auditors.gcp.sql;

import io.watchkeeper.auditors.testing.Configs;
import io.watchkeeper.core.config.gcp.GcpSqlInstanceConfig;

final class SqlConfigs {

    private SqlConfigs() {}

    static GcpSqlInstanceConfig sql(String version, String extra) {
        return Configs.lenient(GcpSqlInstanceConfig.class, "{'name':'db','databaseVersion':'" + version
                + "','instanceType':'CLOUD_SQL_INSTANCE'" + extra + "}");
    }
}
