package io.watchkeeper.auditors.gcp.iam;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.AuditEngine;
import io.watchkeeper.auditors.CheckRegistry;
import io.watchkeeper.core.finding.FindingFilter;
import io.watchkeeper.core.finding.FindingStatus;
import io.watchkeeper.core.finding.FindingView;
import io.watchkeeper.db.JooqAuditStore;
import io.watchkeeper.db.JooqFindingReader;
import io.watchkeeper.watchers.testing.GcpPipelineFixture;
import io.watchkeeper.watchers.testing.GcpTestOrg;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The GCP resource hierarchy through the real pipeline (test server, watchers, PostgreSQL, audit engine): audit configs
 * inherited from folders and the organisation decide CIS 2.1, and service agents named by the project number of a
 * watched project are trusted because the engine reads the numbers from the stored {@code gcp.project} items.
 */
class GcpHierarchyAuditTest {

    private static final String TYPES = "gcp.project,gcp.project.iam-policy,gcp.organization.iam-policy,gcp.folder.iam-policy";
    private static GcpPipelineFixture fixture;
    private static List<FindingView> findings;

    @BeforeAll
    static void watchAndAudit() {
        fixture = new GcpPipelineFixture();
        for (var account : List.of(fixture.addProject("prod", GcpTestOrg.PROJECT), fixture.addProject("dev", GcpTestOrg.DEV))) {
            fixture.watch(account, TYPES.split(","));
        }
        new AuditEngine(CheckRegistry.discover(), new JooqAuditStore(fixture.dsl), Map.of(), List.of(), List.of(),
                Clock.systemUTC()).auditAll("test", "test");
        findings = new JooqFindingReader(fixture.dsl).list(new FindingFilter(EnumSet.allOf(FindingStatus.class), null, null,
                null, null, null, null, null, null, 1000));
    }

    @AfterAll
    static void close() {
        fixture.close();
    }

    private static List<FindingView> of(String check, String projectId) {
        return findings.stream().filter(f -> f.check().equals(check) && f.accountId().equals(projectId)).toList();
    }

    @Test
    void auditConfigsAddUpDownTheHierarchyFolderIncluded() {
        String check = "gcp.project.iam-policy/audit-logging-incomplete";
        // wk-dev: ADMIN_READ and DATA_WRITE from the organisation, DATA_READ from its folder
        assertThat(of(check, GcpTestOrg.DEV)).extracting(FindingView::evidenceKey).doesNotContain("all-services");
        // cloud-custodian sits directly under the organisation: DATA_READ is missing
        assertThat(of(check, GcpTestOrg.PROJECT)).filteredOn(f -> f.evidenceKey().equals("all-services"))
                .singleElement().satisfies(f -> assertThat(f.message()).contains("DATA_READ").doesNotContain("DATA_WRITE"));
    }

    @Test
    void aServiceAgentOfAWatchedProjectIsTrustedAnUnknownProjectsServiceAccountIsNot() {
        assertThat(of("gcp.folder.iam-policy/unknown-project-service-account", GcpTestOrg.DEV))
                .extracting(FindingView::evidenceKey)
                .containsExactly("member:roles/viewer:serviceAccount:ci@outsider-project.iam.gserviceaccount.com");
    }
}
