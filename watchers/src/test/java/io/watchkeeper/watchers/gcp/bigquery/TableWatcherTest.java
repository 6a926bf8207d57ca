package io.watchkeeper.watchers.gcp.bigquery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchkeeper.core.config.gcp.GcpBigQueryTableConfig;
import io.watchkeeper.core.model.ErrorCategory;
import io.watchkeeper.core.watch.Observation;
import io.watchkeeper.watchers.testing.GcpTestOrg;
import io.watchkeeper.watchers.testing.GcpWatcherTestSupport;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TableWatcherTest extends GcpWatcherTestSupport {

    private final TableWatcher watcher = new TableWatcher();

    @Test
    void describesStoredTablesForTheirKeyAndRecordsViewsFromTheList() {
        Map<String, GcpBigQueryTableConfig> tables = configs(watcher);
        assertThat(tables).containsOnlyKeys("analytics.events", "analytics.raw_clicks", "analytics.daily_summary");
        assertThat(tables.get("analytics.events").kmsKeyName()).endsWith("/cryptoKeys/bq");
        assertThat(tables.get("analytics.events").described()).isTrue();
        assertThat(tables.get("analytics.events").location()).isEqualTo("EU");
        assertThat(tables.get("analytics.raw_clicks").kmsKeyName()).isNull();
        assertThat(tables.get("analytics.raw_clicks").described()).isTrue();
        assertThat(tables.get("analytics.daily_summary").described()).isFalse();
        assertThat(tables.get("analytics.daily_summary").type()).isEqualTo("VIEW");
        // tables.get only for the two tables holding data, never for the view
        assertThat(server.requests()).filteredOn(r -> r.path().matches("/bigquery/v2/projects/.*/tables/.+"))
                .extracting(r -> r.path().substring(r.path().lastIndexOf('/') + 1))
                .containsExactlyInAnyOrder("events", "raw_clicks");
    }

    @Test
    void tablesPastTheBoundAreUnreadableNotDeleted() {
        String tables = "/bigquery/v2/projects/" + GcpTestOrg.PROJECT + "/datasets/analytics/tables";
        server.pageSize(1000);
        for (int i = 0; i < TableWatcher.MAX_DESCRIBED; i++) {
            String id = "t%04d".formatted(i);
            server.put(tables, id, GcpTestOrg.json("""
                    {"kind": "bigquery#table", "type": "TABLE", "creationTime": "1672531200000",
                     "tableReference": {"projectId": "cloud-custodian", "datasetId": "analytics", "tableId": "%s"}}""".formatted(id)));
        }
        var observations = observe(watcher);
        assertThat(observations).hasSize(TableWatcher.MAX_DESCRIBED + 3);
        // in dataset and table order: events and raw_clicks sort before t0000…t0999, so the last two are left undescribed
        assertThat(observations).filteredOn(o -> o instanceof Observation.Unreadable<?>)
                .extracting(o -> ((Observation.Unreadable<?>) o).name())
                .containsExactlyInAnyOrder("analytics.t0998", "analytics.t0999");
        assertThat(observations).filteredOn(o -> o instanceof Observation.Unreadable<?>)
                .allSatisfy(o -> assertThat(((Observation.Unreadable<?>) o).category()).isEqualTo(ErrorCategory.THROTTLED));
        assertThat(server.requests()).filteredOn(r -> r.path().matches("/bigquery/v2/projects/.*/tables/.+"))
                .hasSize(TableWatcher.MAX_DESCRIBED);
    }

    @Test
    void aFailingTableListingFailsTheScope() {
        server.fail("GET", "/bigquery/v2/projects/cloud-custodian/datasets/analytics/tables", 403, 1);
        assertThatThrownBy(() -> observe(watcher)).hasMessageContaining("gcp.bigquery.table");
    }

}
