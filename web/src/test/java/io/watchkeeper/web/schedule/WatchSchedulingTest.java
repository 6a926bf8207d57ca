package io.watchkeeper.web.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.ScheduledExecution;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import io.watchkeeper.core.item.ItemFilter;
import io.watchkeeper.core.model.Account;
import io.watchkeeper.core.model.AccountAccess;
import io.watchkeeper.core.model.AccountSpec;
import io.watchkeeper.core.model.Provider;
import io.watchkeeper.core.model.ResourceType;
import io.watchkeeper.core.watch.CloudSession;
import io.watchkeeper.core.watch.Observation;
import io.watchkeeper.core.watch.RunSummary;
import io.watchkeeper.core.watch.ScopeKind;
import io.watchkeeper.core.watch.ScopeStatus;
import io.watchkeeper.core.watch.SessionFactory;
import io.watchkeeper.core.watch.WatchMetrics;
import io.watchkeeper.core.watch.WatchScope;
import io.watchkeeper.core.watch.Watcher;
import io.watchkeeper.db.JooqAccountStore;
import io.watchkeeper.db.JooqItemReader;
import io.watchkeeper.db.JooqScopeLeases;
import io.watchkeeper.db.JooqSnapshotStore;
import io.watchkeeper.db.JooqWatchIntervalStore;
import io.watchkeeper.db.JooqWatchRunStore;
import io.watchkeeper.db.testing.TestDatabase;
import io.watchkeeper.watchers.WatchProgress;
import io.watchkeeper.watchers.WatchRequest;
import io.watchkeeper.watchers.WatchRunner;
import io.watchkeeper.watchers.WatchSettings;
import io.watchkeeper.watchers.WatcherRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Scheduled watching on db-scheduler with two scheduler nodes on one PostgreSQL: every
 * (account, type) runs on its interval, on one node at a time, shared between the nodes.
 */
class WatchSchedulingTest {

    /** What the fake watcher stores. */
    public record Thing(String name, long seen) {}

    /** A watcher that records which node ran which scope, and any overlap. */
    static final class RecordingWatcher implements Watcher<Thing> {
        static final Map<String, AtomicInteger> IN_FLIGHT = new ConcurrentHashMap<>();
        static final List<String> RUNS = new CopyOnWriteArrayList<>();
        static final AtomicInteger OVERLAPS = new AtomicInteger();
        private final String node;

        RecordingWatcher(String node) {
            this.node = node;
        }

        @Override
        public ResourceType type() {
            return ResourceType.of("aws.test.thing");
        }

        @Override
        public Class<Thing> configType() {
            return Thing.class;
        }

        @Override
        public ScopeKind scopeKind() {
            return ScopeKind.GLOBAL;
        }

        @Override
        public Set<String> requiredPermissions() {
            return Set.of("test:List");
        }

        @Override
        public List<Observation<Thing>> observe(WatchScope scope, CloudSession session) {
            AtomicInteger inFlight = IN_FLIGHT.computeIfAbsent(scope.key(), k -> new AtomicInteger());
            if (inFlight.incrementAndGet() > 1) {
                OVERLAPS.incrementAndGet();
            }
            try {
                RUNS.add(node + ":" + scope.account().name());
                Thread.sleep(150);
                return List.of(new Observation.Observed<>("thing-1", "thing", WatchScope.GLOBAL, new Thing("thing", 1)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } finally {
                inFlight.decrementAndGet();
            }
        }
    }

    record FakeSession(Account account) implements CloudSession {
        @Override
        public void close() {}
    }

    static final class FakeSessions implements SessionFactory {
        @Override
        public Provider provider() {
            return Provider.AWS;
        }

        @Override
        public CloudSession open(Account account) {
            return new FakeSession(account);
        }

        @Override
        public List<String> regions(CloudSession session) {
            return List.of("us-east-1");
        }
    }

    private TestDatabase db;
    private DSLContext dsl;
    private JooqAccountStore accounts;
    private JooqWatchIntervalStore intervals;

    @BeforeEach
    void setUp() {
        db = TestDatabase.fresh();
        dsl = db.dsl();
        accounts = new JooqAccountStore(dsl);
        intervals = new JooqWatchIntervalStore(dsl);
        RecordingWatcher.IN_FLIGHT.clear();
        RecordingWatcher.RUNS.clear();
        RecordingWatcher.OVERLAPS.set(0);
    }

    private WatchRunner runner(String node) {
        return new WatchRunner(new WatcherRegistry(List.of(new RecordingWatcher(node))), List.of(new FakeSessions()),
                new JooqSnapshotStore(dsl), new JooqWatchRunStore(dsl), new JooqScopeLeases(dsl), WatchMetrics.NONE,
                new WatchSettings(8, Duration.ofMinutes(5), Duration.ofSeconds(1), 1 << 20, node));
    }

    private WatchScheduling scheduling(String node, Duration interval) {
        WatchRunner runner = runner(node);
        return new WatchScheduling(accounts, intervals, new WatcherRegistry(List.of(new RecordingWatcher(node))),
                request -> runner.run(request, WatchProgress.NONE), interval, Duration.ofMillis(500));
    }

    private Account account(String name, String id) {
        return accounts.add(new AccountSpec(Provider.AWS, name, id, AccountAccess.NONE, List.of(), Map.of(), false));
    }

    @Test
    void twoNodesShareTheWorkWithoutRunningAScopeTwiceAtOnce() throws Exception {
        for (int i = 0; i < 6; i++) {
            account("acct-" + i, String.format("1000000000%02d", i));
        }
        WatchScheduling a = scheduling("node-a", Duration.ofSeconds(1));
        WatchScheduling b = scheduling("node-b", Duration.ofSeconds(1));
        Scheduler nodeA = a.newScheduler(db.dataSource(), 3, Duration.ofMillis(100), "node-a");
        Scheduler nodeB = b.newScheduler(db.dataSource(), 3, Duration.ofMillis(100), "node-b");
        nodeA.start();
        nodeB.start();
        try {
            // at least 7 s, then until every account ran twice on a busy machine too (at most 60 s)
            Thread.sleep(7_000);
            long deadline = System.nanoTime() + Duration.ofSeconds(53).toNanos();
            while (System.nanoTime() < deadline && java.util.stream.IntStream.range(0, 6).anyMatch(i -> RecordingWatcher.RUNS
                    .stream().filter(r -> r.endsWith(":acct-" + i)).count() < 2)) {
                Thread.sleep(250);
            }
        } finally {
            nodeA.stop();
            nodeB.stop();
        }
        List<String> runs = new ArrayList<>(RecordingWatcher.RUNS);
        assertThat(RecordingWatcher.OVERLAPS).as("same scope running twice at once").hasValue(0);
        for (int i = 0; i < 6; i++) {
            String name = "acct-" + i;
            assertThat(runs.stream().filter(r -> r.endsWith(":" + name)).count()).as("runs of %s", name)
                    .isGreaterThanOrEqualTo(2);
        }
        assertThat(runs).anyMatch(r -> r.startsWith("node-a:")).anyMatch(r -> r.startsWith("node-b:"));
        assertThat(new JooqItemReader(dsl).list(ItemFilter.all())).hasSize(6);
    }

    @Test
    void reconcileFollowsAccountsAndIntervalsLive() {
        Account prod = account("prod", "111111111111");
        WatchScheduling scheduling = scheduling("node-a", Duration.ofMinutes(60));
        SchedulerClient client = scheduling.newClient(db.dataSource());

        assertThat(scheduling.reconcile(client)).isEqualTo(new WatchScheduling.Reconciled(1, 0, 0));
        assertThat(data(client)).containsExactly(new WatchTaskData(prod.id(), "aws.test.thing", 3600));
        assertThat(scheduling.reconcile(client)).isEqualTo(new WatchScheduling.Reconciled(0, 0, 0));

        intervals.set(null, "aws.test.thing", 15);
        assertThat(scheduling.reconcile(client)).isEqualTo(new WatchScheduling.Reconciled(0, 1, 0));
        intervals.set(prod.id(), "aws.test.thing", 5);
        scheduling.reconcile(client);
        assertThat(data(client)).containsExactly(new WatchTaskData(prod.id(), "aws.test.thing", 300));
        ScheduledExecution<WatchTaskData> execution = client.getScheduledExecutionsForTask(
                WatchScheduling.WATCH_TASK, WatchTaskData.class).getFirst();
        assertThat(execution.getExecutionTime()).isBefore(java.time.Instant.now().plusSeconds(301));

        accounts.setActive(prod.id(), false);
        assertThat(scheduling.reconcile(client)).isEqualTo(new WatchScheduling.Reconciled(0, 0, 1));
        assertThat(data(client)).isEmpty();
    }

    @Test
    void thirdPartyAccountsAreNeverScheduledNorWatched() {
        Account vendor = accounts.add(new AccountSpec(Provider.AWS, "vendor", "999999999999", AccountAccess.NONE,
                List.of(), Map.of(), true));
        WatchScheduling scheduling = scheduling("node-a", Duration.ofMinutes(60));
        SchedulerClient client = scheduling.newClient(db.dataSource());
        assertThat(scheduling.reconcile(client)).isEqualTo(new WatchScheduling.Reconciled(0, 0, 0));
        assertThat(data(client)).isEmpty();
        // an execution left from before (e.g. planned by an older version) does not watch it either
        assertThat(scheduling.runWatch(new WatchTaskData(vendor.id(), "aws.test.thing", 3600))).isNull();
        assertThat(RecordingWatcher.RUNS).isEmpty();
        assertThat(new JooqItemReader(dsl).list(ItemFilter.all())).isEmpty();
    }

    @Test
    void aScheduledRunSkipsAScopeAManualRunHolds() {
        Account prod = account("prod", "111111111111");
        WatchScope scope = new WatchScope(prod, WatchScope.GLOBAL, ResourceType.of("aws.test.thing"));
        JooqScopeLeases leases = new JooqScopeLeases(dsl);
        assertThat(leases.tryAcquire(scope.key(), "manual-cli", Duration.ofMinutes(1))).isTrue();

        RunSummary scheduled = runner("node-a").run(new WatchRequest(List.of(prod),
                Set.of(ResourceType.of("aws.test.thing")), Set.of(), "schedule", "job:scheduler", false), WatchProgress.NONE);
        assertThat(scheduled.scopes()).singleElement().extracting(s -> s.status()).isEqualTo(ScopeStatus.SKIPPED);
        assertThat(RecordingWatcher.RUNS).isEmpty();

        leases.release(scope.key(), "manual-cli");
        RunSummary next = runner("node-a").run(new WatchRequest(List.of(prod),
                Set.of(ResourceType.of("aws.test.thing")), Set.of(), "schedule", "job:scheduler", false), WatchProgress.NONE);
        assertThat(next.scopes()).singleElement().extracting(s -> s.status()).isEqualTo(ScopeStatus.OK);
    }

    @Test
    void twoRunsInOneProcessNeverWatchTheSameScopeAtOnce() throws Exception {
        Account prod = account("prod", "111111111111");
        WatchRunner one = runner("node-a"); // one process: one runner, one lease connection
        RecordingWatcher.OVERLAPS.set(0);
        WatchRequest scheduled = new WatchRequest(List.of(prod), Set.of(ResourceType.of("aws.test.thing")), Set.of(),
                "schedule", "job:scheduler", false);
        List<java.util.concurrent.Future<RunSummary>> runs = new ArrayList<>();
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(4)) {
            for (int i = 0; i < 4; i++) {
                runs.add(pool.submit(() -> one.run(scheduled, WatchProgress.NONE)));
            }
        }
        List<ScopeStatus> statuses = new ArrayList<>();
        for (var run : runs) {
            statuses.add(run.get().scopes().getFirst().status());
        }
        assertThat(RecordingWatcher.OVERLAPS.get()).as("the same scope watched twice at once").isZero();
        assertThat(statuses).contains(ScopeStatus.OK).allMatch(s -> s == ScopeStatus.OK || s == ScopeStatus.SKIPPED);
    }

    private static List<WatchTaskData> data(SchedulerClient client) {
        return client.getScheduledExecutionsForTask(WatchScheduling.WATCH_TASK, WatchTaskData.class).stream()
                .map(ScheduledExecution::getData).toList();
    }
}
