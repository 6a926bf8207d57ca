package io.watchkeeper.auditors.gcp.bigquery;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.Configs;
import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.config.gcp.GcpBigQueryTableConfig;
import org.junit.jupiter.api.Test;

class TableNoCmekCheckTest {

    private final TableNoCmekCheck check = new TableNoCmekCheck();

    static GcpBigQueryTableConfig table(String type, boolean described, String key) {
        return Configs.lenient(GcpBigQueryTableConfig.class, "{'datasetId':'d','tableId':'t','type':'" + type
                + "','described':" + described + (key == null ? "" : ",'kmsKeyName':'" + key + "'") + "}");
    }

    @Test
    void aStoredTableWithoutAKeyIsReported() {
        assertThat(check.evaluate(table("TABLE", true, null), new TestContext())).hasSize(1);
        assertThat(check.evaluate(table("MATERIALIZED_VIEW", true, ""), new TestContext())).hasSize(1);
        assertThat(check.evaluate(table("SNAPSHOT", true, null), new TestContext())).hasSize(1);
    }

    @Test
    void keyedTablesViewsAndUndescribedTablesAreNot() {
        assertThat(check.evaluate(table("TABLE", true, "projects/p/locations/eu/keyRings/r/cryptoKeys/k"), new TestContext()))
                .isEmpty();
        assertThat(check.evaluate(table("VIEW", false, null), new TestContext())).isEmpty();
        assertThat(check.evaluate(table("EXTERNAL", false, null), new TestContext())).isEmpty();
        // a table past the watcher's bound carries no encryption: unknown is not "Google-managed"
        assertThat(check.evaluate(table("TABLE", false, null), new TestContext())).isEmpty();
    }
}
