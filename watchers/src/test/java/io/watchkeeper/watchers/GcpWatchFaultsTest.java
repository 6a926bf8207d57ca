package io.watchkeeper.watchers;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.item.ItemFilter;
import io.watchkeeper.core.item.ItemSummary;
import io.watchkeeper.core.item.Revision;
import io.watchkeeper.core.model.Account;
import io.watchkeeper.core.model.ErrorCategory;
import io.watchkeeper.core.watch.RunSummary;
import io.watchkeeper.core.watch.ScopeResult;
import io.watchkeeper.core.watch.ScopeStatus;
import io.watchkeeper.watchers.testing.GcpPipelineFixture;
import io.watchkeeper.watchers.testing.GcpTestOrg;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * GCP faults: 429 is retried with backoff and counted; a 403 on one listing fails that scope only and
 * marks nothing deleted; a project that answers with another id fails every scope and writes nothing.
 */
class GcpWatchFaultsTest {

    private static final String FIREWALL = "gcp.compute.firewall";
    private static final String NETWORK = "gcp.compute.network";
    private static final String FIREWALLS = "/compute/v1/projects/" + GcpTestOrg.PROJECT + "/global/firewalls";

    private GcpPipelineFixture fixture;
    private Account project;

    @BeforeEach
    void setUp() {
        fixture = new GcpPipelineFixture();
        project = fixture.addProject("custodian", GcpTestOrg.PROJECT);
        assertThat(fixture.watch(project, FIREWALL, NETWORK).anyFailed()).isFalse();
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    @Test
    void throttlingIsRetriedAndCounted() {
        fixture.server.fail("GET", FIREWALLS, 429, 2);
        fixture.server.modify(FIREWALLS, "test", f -> f.put("priority", 10));
        RunSummary run = fixture.watch(project, FIREWALL);
        ScopeResult firewalls = GcpWatchPipelineTest.scope(run, FIREWALL);
        assertThat(firewalls.status()).isEqualTo(ScopeStatus.OK);
        assertThat(firewalls.throttles()).isEqualTo(2);
        assertThat(firewalls.apiCalls()).isEqualTo(4); // two throttled attempts, then two pages
        assertThat(firewalls.counts().changed()).isEqualTo(1);
    }

    @Test
    void aDeniedListingFailsOnlyItsScopeAndDeletesNothing() {
        fixture.server.fail("GET", FIREWALLS, 403, 100);
        fixture.server.remove(FIREWALLS, "test");
        fixture.server.remove("/compute/v1/projects/" + GcpTestOrg.PROJECT + "/global/networks", "legacy-net");
        RunSummary run = fixture.watch(project, FIREWALL, NETWORK);
        ScopeResult firewalls = GcpWatchPipelineTest.scope(run, FIREWALL);
        assertThat(firewalls.status()).isEqualTo(ScopeStatus.FAILED);
        assertThat(firewalls.errorCategory()).isEqualTo(ErrorCategory.DENIED);
        assertThat(firewalls.message()).contains("gcp.compute.firewall").contains("403");
        assertThat(fixture.item(FIREWALL, "test").deleted()).as("a failed scope never marks items deleted").isFalse();
        assertThat(fixture.items.history(fixture.item(FIREWALL, "test").id())).extracting(Revision::kind).containsExactly("created");
        ScopeResult networks = GcpWatchPipelineTest.scope(run, NETWORK);
        assertThat(networks.status()).isEqualTo(ScopeStatus.OK);
        assertThat(fixture.item(NETWORK, "legacy-net").deleted()).isTrue();
    }

    @Test
    void serverErrorsBeyondTheAttemptsFailTheScope() {
        fixture.server.fail("GET", FIREWALLS, 503, 100);
        RunSummary run = fixture.watch(project, FIREWALL);
        ScopeResult firewalls = GcpWatchPipelineTest.scope(run, FIREWALL);
        assertThat(firewalls.status()).isEqualTo(ScopeStatus.FAILED);
        assertThat(firewalls.errorCategory()).isEqualTo(ErrorCategory.UNAVAILABLE);
        assertThat(firewalls.apiCalls()).isEqualTo(3); // maxAttempts of the test settings
    }

    @Test
    void aProjectAnsweringWithAnotherIdFailsEveryScopeAndWritesNothing() {
        Account mislabelled = fixture.addProject("mislabelled", GcpTestOrg.DEV);
        fixture.server.document("GET /v3/projects/" + GcpTestOrg.DEV, GcpTestOrg.json("""
                {"name": "projects/1", "projectId": "someone-else", "state": "ACTIVE"}"""));
        RunSummary run = fixture.watch(mislabelled, FIREWALL, NETWORK);
        assertThat(run.scopes()).hasSize(2).allSatisfy(s -> {
            assertThat(s.status()).isEqualTo(ScopeStatus.FAILED);
            assertThat(s.errorCategory()).isEqualTo(ErrorCategory.DENIED);
            assertThat(s.message()).contains("someone-else").contains(GcpTestOrg.DEV);
        });
        List<ItemSummary> stored = fixture.items.list(new ItemFilter("mislabelled", null, null, null, true, null, 100));
        assertThat(stored).isEmpty();
        assertThat(fixture.server.requests()).noneMatch(r -> r.path().startsWith("/compute/v1/projects/" + GcpTestOrg.DEV));
    }
}
