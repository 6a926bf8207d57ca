package io.watchkeeper.watchers.gcp.bigquery;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.config.gcp.GcpBigQueryDatasetConfig;
import io.watchkeeper.core.config.gcp.GcpBigQueryDatasetConfig.Access;
import io.watchkeeper.watchers.testing.GcpTestOrg;
import io.watchkeeper.watchers.testing.GcpWatcherTestSupport;
import org.junit.jupiter.api.Test;

class DatasetWatcherTest extends GcpWatcherTestSupport {

    private final DatasetWatcher watcher = new DatasetWatcher();

    @Test
    void readsAccessEntriesFromTheDatasetItself() {
        GcpBigQueryDatasetConfig d = configs(watcher).get("analytics");
        assertThat(d.access()).containsExactly(new Access("READER", "specialGroup", "allAuthenticatedUsers"),
                new Access("OWNER", "specialGroup", "projectOwners"),
                new Access("WRITER", "userByEmail", "etl@cloud-custodian.iam.gserviceaccount.com"));
        assertThat(d.defaultKmsKeyName()).endsWith("/cryptoKeys/bq");
        assertThat(d.location()).isEqualTo("EU");
        assertThat(server.requests()).anyMatch(r -> r.path().equals("/bigquery/v2/projects/cloud-custodian/datasets/analytics"));
    }

    @Test
    void aProjectWithoutDatasetsHasNone() {
        try (var dev = open(GcpTestOrg.DEV)) {
            assertThat(observe(watcher, dev)).isEmpty();
        }
    }
}
