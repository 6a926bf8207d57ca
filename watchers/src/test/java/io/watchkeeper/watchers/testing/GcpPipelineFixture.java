package io.watchkeeper.watchers.testing;

import io.watchkeeper.core.item.ItemFilter;
import io.watchkeeper.core.item.ItemSummary;
import io.watchkeeper.core.model.Account;
import io.watchkeeper.core.model.AccountAccess;
import io.watchkeeper.core.model.AccountSpec;
import io.watchkeeper.core.model.Provider;
import io.watchkeeper.core.model.ResourceType;
import io.watchkeeper.core.watch.RunSummary;
import io.watchkeeper.core.watch.WatchMetrics;
import io.watchkeeper.db.JooqAccountStore;
import io.watchkeeper.db.JooqItemReader;
import io.watchkeeper.db.JooqScopeLeases;
import io.watchkeeper.db.JooqSnapshotStore;
import io.watchkeeper.db.JooqWatchRunStore;
import io.watchkeeper.db.testing.TestDatabase;
import io.watchkeeper.gcp.GcpSessionFactory;
import io.watchkeeper.watchers.WatchProgress;
import io.watchkeeper.watchers.WatchRequest;
import io.watchkeeper.watchers.WatchRunner;
import io.watchkeeper.watchers.WatchSettings;
import io.watchkeeper.watchers.WatcherRegistry;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.DSLContext;

/** The real pipeline (registry, GCP sessions against a {@link GcpTestServer}, PostgreSQL store) over a fresh database. */
public final class GcpPipelineFixture implements AutoCloseable {

    public final TestDatabase db = TestDatabase.fresh();
    public final DSLContext dsl = db.dsl();
    public final JooqAccountStore accounts = new JooqAccountStore(dsl);
    public final JooqItemReader items = new JooqItemReader(dsl);
    public final GcpTestServer server = GcpTestServer.withOrganisation();
    public final GcpSessionFactory sessions = new GcpSessionFactory(GcpWatcherTestSupport.settings(server), WatchMetrics.NONE);
    public final WatchRunner runner = new WatchRunner(WatcherRegistry.discover(), List.of(sessions), new JooqSnapshotStore(dsl),
            new JooqWatchRunStore(dsl), new JooqScopeLeases(dsl), WatchMetrics.NONE,
            new WatchSettings(8, Duration.ofMinutes(5), Duration.ofSeconds(5), 1 << 20, "test-node"));

    /** A project reached without credentials (the server needs none). */
    public Account addProject(String name, String projectId) {
        return accounts.add(new AccountSpec(Provider.GCP, name, projectId, new AccountAccess(null, null, "none"), List.of(),
                Map.of(), false));
    }

    /** Watches {@code types} (none: every GCP type) of {@code account}. */
    public RunSummary watch(Account account, String... types) {
        Set<ResourceType> typeSet = Arrays.stream(types).map(ResourceType::of).collect(Collectors.toSet());
        return runner.run(new WatchRequest(List.of(account), typeSet, Set.of(), "manual", "test", true), WatchProgress.NONE);
    }

    /** The item of {@code type} called {@code name} (deleted ones included). */
    public ItemSummary item(String type, String name) {
        return items.list(new ItemFilter(null, type, null, name, true, null, 100)).stream()
                .filter(i -> i.name().equals(name)).findFirst().orElseThrow(() -> new AssertionError("no item " + name));
    }

    @Override
    public void close() {
        sessions.close();
        server.close();
    }
}
