package io.watchkeeper.watchers.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.model.Account;
import io.watchkeeper.core.model.AccountAccess;
import io.watchkeeper.core.model.Provider;
import io.watchkeeper.core.watch.WatchMetrics;
import io.watchkeeper.gcp.GcpSessionFactory;
import io.watchkeeper.watchers.testing.GcpTestOrg;
import io.watchkeeper.watchers.testing.GcpTestServer;
import io.watchkeeper.watchers.testing.GcpWatcherTestSupport;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A project keeps its clients (transport, credential, API clients) between sessions, so a repeat watch builds none;
 * only the projects in use plus a bounded number of recent ones are kept, and a project reached another way (another
 * account row or credential source) never reuses them.
 */
class GcpProjectClientsKeptTest {

    private final GcpTestServer server = GcpTestServer.withOrganisation();
    private GcpSessionFactory factory;

    @AfterEach
    void tearDown() {
        factory.close();
        server.close();
    }

    private static Account project(long id, String projectId) {
        return new Account(id, Provider.GCP, projectId, projectId, new AccountAccess(null, null, "none"), List.of(), Map.of(),
                true, false);
    }

    private Object networksClient(Account account) {
        try (var session = factory.open(account)) {
            var client = session.networks();
            assertThat(session.projectId()).isEqualTo(account.externalId());
            return client;
        }
    }

    @Test
    void aRepeatSessionReusesTheProjectsClientsAndAnotherAccountDoesNot() {
        factory = new GcpSessionFactory(GcpWatcherTestSupport.settings(server), WatchMetrics.NONE);
        Account prod = project(1, GcpTestOrg.PROJECT);
        Object first = networksClient(prod);
        assertThat(networksClient(prod)).as("kept between sessions").isSameAs(first);
        assertThat(networksClient(project(2, GcpTestOrg.PROJECT))).as("another account row").isNotSameAs(first);
        assertThat(networksClient(project(1, GcpTestOrg.DEV))).as("another project").isNotSameAs(first);
        // the kept clients still work: a second session lists the networks through them
        try (var session = factory.open(prod)) {
            assertThat(session.networks().list(GcpTestOrg.PROJECT).iterateAll()).isNotEmpty();
        }
    }

    @Test
    void onlyProjectsInUsePlusTheBoundAreKept() {
        factory = new GcpSessionFactory(GcpWatcherTestSupport.settings(server), WatchMetrics.NONE, 1);
        Account prod = project(1, GcpTestOrg.PROJECT);
        Account dev = project(2, GcpTestOrg.DEV);
        Account empty = project(3, GcpTestOrg.EMPTY);
        try (var held = factory.open(prod)) {
            Object heldClient = held.networks();
            networksClient(dev);
            networksClient(empty);
            assertThat(factory.openProjects()).as("the leased project and one kept").isEqualTo(2);
            assertThat(networksClient(prod)).as("a project in use is never dropped").isSameAs(heldClient);
        }
        Object emptyClient = networksClient(empty);
        networksClient(dev);
        assertThat(factory.openProjects()).isEqualTo(1);
        assertThat(networksClient(empty)).as("dropped beyond the bound, built again").isNotSameAs(emptyClient);
    }

    @Test
    void aSessionClosedTwiceGivesItsLeaseBackOnce() {
        factory = new GcpSessionFactory(GcpWatcherTestSupport.settings(server), WatchMetrics.NONE, 0);
        Account prod = project(1, GcpTestOrg.PROJECT);
        try (var held = factory.open(prod)) {
            Object heldClient = held.networks();
            var twice = factory.open(prod);
            twice.close();
            twice.close();
            assertThat(factory.openProjects()).as("still leased by the held session").isEqualTo(1);
            assertThat(networksClient(prod)).as("the held session's clients were not closed").isSameAs(heldClient);
            assertThat(held.networks().list(GcpTestOrg.PROJECT).iterateAll()).isNotEmpty();
        }
        assertThat(factory.openProjects()).isZero();
    }
}
