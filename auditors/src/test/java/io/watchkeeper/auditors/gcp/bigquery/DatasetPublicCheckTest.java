package io.watchkeeper.auditors.gcp.bigquery;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.Configs;
import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.config.gcp.GcpBigQueryDatasetConfig;
import io.watchkeeper.core.finding.Evidence;
import org.junit.jupiter.api.Test;

class DatasetPublicCheckTest {

    private final DatasetPublicCheck check = new DatasetPublicCheck();

    static GcpBigQueryDatasetConfig dataset(String access) {
        return Configs.lenient(GcpBigQueryDatasetConfig.class, "{'datasetId':'d','access':[" + access + "]}");
    }

    @Test
    void specialGroupAndIamMemberPublicEntriesAreReported() {
        assertThat(check.evaluate(dataset("{'role':'READER','entityType':'specialGroup','entity':'allAuthenticatedUsers'},"
                + "{'role':'roles/bigquery.dataViewer','entityType':'iamMember','entity':'allUsers'}"), new TestContext()))
                .extracting(Evidence::key).containsExactly("access:READER:allAuthenticatedUsers", "access:roles/bigquery.dataViewer:allUsers");
    }

    @Test
    void projectGroupsPeopleAndViewsAreNot() {
        assertThat(check.evaluate(dataset("{'role':'READER','entityType':'specialGroup','entity':'projectReaders'},"
                + "{'role':'OWNER','entityType':'userByEmail','entity':'allusers@corp.com'},"
                + "{'entityType':'view','entity':'p.allUsers.t'}"), new TestContext())).isEmpty();
    }
}
