package io.watchkeeper.watchers.testing;

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
import io.watchkeeper.watchers.WatchProgress;
import io.watchkeeper.watchers.WatchRequest;
import io.watchkeeper.watchers.WatchRunner;
import io.watchkeeper.watchers.WatchSettings;
import io.watchkeeper.watchers.WatcherRegistry;
import io.watchkeeper.aws.AwsSessionFactory;
import io.watchkeeper.aws.AwsSettings;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.DSLContext;

/** The real pipeline (registry, AWS sessions, PostgreSQL store) over a fresh database. */
public final class PipelineFixture implements AutoCloseable {

    public final TestDatabase db = TestDatabase.fresh();
    public final DSLContext dsl = db.dsl();
    public final JooqAccountStore accounts = new JooqAccountStore(dsl);
    public final JooqItemReader items = new JooqItemReader(dsl);
    public final AwsSessionFactory sessions;
    public final WatchRunner runner;

    public PipelineFixture() {
        this(new AwsSettings(List.of(), "us-east-1", 10, 64, Duration.ofSeconds(30), 2));
    }

    public PipelineFixture(AwsSettings settings) {
        sessions = new AwsSessionFactory(settings, WatchMetrics.NONE);
        runner = new WatchRunner(WatcherRegistry.discover(), List.of(sessions), new JooqSnapshotStore(dsl),
                new JooqWatchRunStore(dsl), new JooqScopeLeases(dsl), WatchMetrics.NONE,
                new WatchSettings(8, Duration.ofMinutes(5), Duration.ofSeconds(5), 1 << 20, "test-node"));
    }

    public Account addAccount(String name, String accountId, String roleArn, String... regions) {
        return accounts.add(new AccountSpec(Provider.AWS, name, accountId, new AccountAccess(roleArn, null, null),
                List.of(regions), Map.of(), false));
    }

    public RunSummary watch(Account account, String... types) {
        Set<ResourceType> typeSet = Arrays.stream(types).map(ResourceType::of).collect(Collectors.toSet());
        return runner.run(new WatchRequest(List.of(account), typeSet, Set.of(), "manual", "test", true),
                WatchProgress.NONE);
    }

    @Override
    public void close() {
        sessions.close();
    }
}
