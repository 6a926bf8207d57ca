package io.watchkeeper.web.schedule;

import com.github.kagkarlsson.scheduler.ScheduledExecution;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTaskWithPersistentSchedule;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.watchkeeper.core.model.Account;
import io.watchkeeper.core.model.AccountStore;
import io.watchkeeper.core.model.ResourceType;
import io.watchkeeper.core.watch.RunSummary;
import io.watchkeeper.core.watch.WatchInterval;
import io.watchkeeper.core.watch.WatchIntervalStore;
import io.watchkeeper.core.watch.Watcher;
import io.watchkeeper.watchers.WatchRequest;
import io.watchkeeper.watchers.WatcherRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scheduled watching on db-scheduler: one persistent execution per (account, resource type) with
 * its own interval, shared by every node on the database (each execution runs on one node at a
 * time, no master). A recurring reconcile pass, itself run by one node at a time, brings the
 * executions in line with the accounts and intervals in the database, so changes apply live.
 * Third-party accounts get no executions (and a stale one is cancelled).
 */
public final class WatchScheduling {

    public static final String WATCH_TASK = "watch";
    public static final String RECONCILE_TASK = "watch-schedule-reconcile";
    private static final Logger LOG = LoggerFactory.getLogger(WatchScheduling.class);

    private final AccountStore accounts;
    private final WatchIntervalStore intervals;
    private final WatcherRegistry watchers;
    private final java.util.function.Function<WatchRequest, RunSummary> watch;
    private final Duration defaultInterval;
    private final RecurringTaskWithPersistentSchedule<WatchTaskData> watchTask;
    private final RecurringTask<Void> reconcileTask;

    /** What a reconcile pass changed. */
    public record Reconciled(int added, int rescheduled, int cancelled) {}

    /**
     * @param watch runs one scheduled watch (in the application: watch, then audit what changed)
     */
    public WatchScheduling(AccountStore accounts, WatchIntervalStore intervals, WatcherRegistry watchers,
                           java.util.function.Function<WatchRequest, RunSummary> watch, Duration defaultInterval,
                           Duration reconcileInterval) {
        this.accounts = accounts;
        this.intervals = intervals;
        this.watchers = watchers;
        this.watch = watch;
        this.defaultInterval = defaultInterval;
        this.watchTask = Tasks.recurringWithPersistentSchedule(WATCH_TASK, WatchTaskData.class)
                .execute((instance, context) -> runWatch(instance.getData()));
        this.reconcileTask = Tasks.recurring(RECONCILE_TASK, FixedDelay.of(reconcileInterval))
                .execute((instance, context) -> reconcile(context.getSchedulerClient()));
    }

    /** A scheduler node: runs due watches and the reconcile pass. Start and stop it yourself. */
    public Scheduler newScheduler(DataSource dataSource, int threads, Duration pollingInterval, String nodeName,
                                  RecurringTask<?>... moreRecurring) {
        List<RecurringTask<?>> recurring = new java.util.ArrayList<>(List.of(reconcileTask));
        recurring.addAll(List.of(moreRecurring));
        return Scheduler.create(dataSource, List.of(watchTask))
                .startTasks(recurring)
                .threads(threads)
                .pollingInterval(pollingInterval)
                .schedulerName(new SchedulerName.Fixed(nodeName))
                .build();
    }

    /** A client that edits the schedule without running anything (for the CLI and the API). */
    public SchedulerClient newClient(DataSource dataSource) {
        return SchedulerClient.Builder.create(dataSource, watchTask).build();
    }

    RunSummary runWatch(WatchTaskData data) {
        Account account = accounts.findById(data.accountId()).orElse(null);
        if (account == null || !account.active() || account.thirdParty()) {
            LOG.info("skipping scheduled watch {}: account gone, inactive or third-party", data.instanceId());
            return null;
        }
        RunSummary summary = watch.apply(new WatchRequest(List.of(account), Set.of(ResourceType.of(data.type())),
                Set.of(), "schedule", "job:scheduler", false));
        if (summary.anyFailed()) {
            LOG.warn("scheduled watch {} had failed scopes: {}", data.instanceId(), summary.scopes().stream()
                    .filter(s -> s.failed()).map(s -> s.scope() + ": " + s.message()).toList());
        }
        return summary;
    }

    /** The configured interval for the pair, or the default. */
    Duration interval(List<WatchInterval> configured, long accountId, String type) {
        return configured.stream()
                .filter(i -> i.appliesTo(accountId, type))
                .max(java.util.Comparator.comparingInt(WatchInterval::specificity))
                .map(i -> Duration.ofMinutes(i.minutes()))
                .orElse(defaultInterval);
    }

    /** Adds, reschedules and cancels executions so that they match accounts, watchers and intervals. */
    public Reconciled reconcile(SchedulerClient client) {
        Map<String, ScheduledExecution<WatchTaskData>> existing = new HashMap<>();
        client.fetchScheduledExecutionsForTask(WATCH_TASK, WatchTaskData.class,
                e -> existing.put(e.getTaskInstance().getId(), e));
        List<WatchInterval> configured = intervals.list();
        int added = 0;
        int rescheduled = 0;
        for (Account account : accounts.list()) {
            if (!account.active() || account.thirdParty()) {
                continue; // third-party accounts are reference data, never watched
            }
            for (Watcher<?> watcher : watchers.forProvider(account.provider())) {
                String type = watcher.type().id();
                long seconds = interval(configured, account.id(), type).toSeconds();
                WatchTaskData wanted = new WatchTaskData(account.id(), type, seconds);
                ScheduledExecution<WatchTaskData> current = existing.remove(wanted.instanceId());
                if (current == null) {
                    if (client.scheduleIfNotExists(watchTask.schedulableInstance(wanted.instanceId(), wanted))) {
                        added++;
                    }
                } else if (!wanted.equals(current.getData()) && !current.isPicked()) {
                    Instant soonest = Instant.now().plusSeconds(seconds);
                    Instant next = current.getExecutionTime().isBefore(soonest) ? current.getExecutionTime() : soonest;
                    if (client.reschedule(TaskInstanceId.of(WATCH_TASK, wanted.instanceId()), next, wanted)) {
                        rescheduled++;
                    }
                }
            }
        }
        int cancelled = 0;
        for (ScheduledExecution<WatchTaskData> stale : existing.values()) {
            if (!stale.isPicked()) {
                client.cancel(stale.getTaskInstance());
                cancelled++;
            }
        }
        if (added + rescheduled + cancelled > 0) {
            LOG.info("watch schedule: {} added, {} rescheduled, {} cancelled", added, rescheduled, cancelled);
        }
        return new Reconciled(added, rescheduled, cancelled);
    }
}
