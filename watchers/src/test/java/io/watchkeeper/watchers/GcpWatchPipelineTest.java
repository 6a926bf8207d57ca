package io.watchkeeper.watchers;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.item.ItemFilter;
import io.watchkeeper.core.item.Revision;
import io.watchkeeper.core.model.Account;
import io.watchkeeper.core.watch.RunSummary;
import io.watchkeeper.core.watch.ScopeResult;
import io.watchkeeper.core.watch.ScopeStatus;
import io.watchkeeper.watchers.testing.GcpPipelineFixture;
import io.watchkeeper.watchers.testing.GcpTestOrg;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every GCP type watched twice over the synthetic organisation, then over its second state: revisions
 * only for durable changes, ephemeral moves updated in place, deletions and creations recorded.
 */
class GcpWatchPipelineTest {

    private GcpPipelineFixture fixture;
    private Account project;

    @BeforeEach
    void setUp() {
        fixture = new GcpPipelineFixture();
        project = fixture.addProject("custodian", GcpTestOrg.PROJECT);
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    @Test
    void historyFollowsDurableChangesOnly() {
        RunSummary first = fixture.watch(project);
        assertThat(first.scopes()).as(first.scopes().toString()).allSatisfy(s -> assertThat(s.status()).isEqualTo(ScopeStatus.OK));
        assertThat(first.scopes()).hasSize(27);
        // a project directly under the organisation has no folder policies to read: that scope makes no call
        assertThat(first.scopes()).allSatisfy(s -> {
            if (s.scope().type().id().equals("gcp.folder.iam-policy")) {
                assertThat(s.apiCalls()).as(s.scope().toString()).isZero();
            } else {
                assertThat(s.apiCalls()).as(s.scope().toString()).isPositive();
            }
        });
        int stored = fixture.items.list(new ItemFilter(null, null, null, null, true, null, 1000)).size();
        // 61 + 6 disks, 3 BigQuery tables, 2 Dataproc clusters, the organisation's contacts, the Access Approval settings,
        // 4 backend services
        assertThat(stored).isEqualTo(78);
        assertThat(scope(first, "gcp.compute.backend-service").counts().created()).isEqualTo(4);

        RunSummary again = fixture.watch(project);
        assertThat(again.scopes()).allSatisfy(s -> {
            assertThat(s.status()).isEqualTo(ScopeStatus.OK);
            assertThat(s.counts().created() + s.counts().changed() + s.counts().deleted() + s.counts().ephemeral())
                    .as("nothing changed in %s", s.scope()).isZero();
        });

        GcpTestOrg.secondState(fixture.server);
        RunSummary next = fixture.watch(project);
        assertThat(next.anyFailed()).isFalse();
        assertThat(history("gcp.compute.firewall", "test")).containsExactly("created", "changed");
        assertThat(fixture.items.history(fixture.item("gcp.compute.firewall", "test").id()).getLast().diff().toString())
                .contains("0.0.0.0/0");
        assertThat(fixture.item("gcp.storage.bucket", "cloud-custodian-test-2").deleted()).isTrue();
        assertThat(history("gcp.storage.bucket", "cloud-custodian-test-2")).containsExactly("created", "deleted");
        assertThat(history("gcp.compute.network", "staging-vpc")).containsExactly("created");
        // ephemeral moves: an instance restarted with a new address, a bucket's update time, a key rotated
        assertThat(history("gcp.compute.instance", "c7n-jenkins")).containsExactly("created");
        assertThat(fixture.items.history(fixture.item("gcp.compute.instance", "c7n-jenkins").id()).getLast().config().toString())
                .contains("35.1.2.3");
        assertThat(history("gcp.storage.bucket", "wk-logs")).containsExactly("created");
        assertThat(history("gcp.kms.crypto-key", "custodian-test-keyring/shared")).containsExactly("created");
        assertThat(scope(next, "gcp.compute.instance").counts().ephemeral()).isEqualTo(1);
        assertThat(scope(next, "gcp.kms.crypto-key").counts().ephemeral()).isEqualTo(1);
        // a disk detached and attached again: only its attach and detach times moved
        assertThat(history("gcp.compute.disk", "c7n-jenkins")).containsExactly("created");
        assertThat(scope(next, "gcp.compute.disk").counts().ephemeral()).isEqualTo(1);
    }

    private java.util.List<String> history(String type, String name) {
        return fixture.items.history(fixture.item(type, name).id()).stream().map(Revision::kind).toList();
    }

    static ScopeResult scope(RunSummary run, String type) {
        return run.scopes().stream().filter(s -> s.scope().type().id().equals(type)).findFirst().orElseThrow();
    }
}
