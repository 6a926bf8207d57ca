package io.watchkeeper.watchers;

import io.watchkeeper.core.watch.ScopeCalls;

import io.watchkeeper.core.json.CanonicalJson;
import io.watchkeeper.core.json.CanonicalJson.Canonical;
import io.watchkeeper.core.json.EphemeralPaths;
import io.watchkeeper.core.model.Account;
import io.watchkeeper.core.model.ErrorCategory;
import io.watchkeeper.core.model.Provider;
import io.watchkeeper.core.model.ResourceType;
import io.watchkeeper.core.model.WatchkeeperException;
import io.watchkeeper.core.watch.CloudSession;
import io.watchkeeper.core.watch.Observation;
import io.watchkeeper.core.watch.ObservedItem;
import io.watchkeeper.core.watch.RunSummary;
import io.watchkeeper.core.watch.ScopeCounts;
import io.watchkeeper.core.watch.ScopeKind;
import io.watchkeeper.core.watch.ScopeLeases;
import io.watchkeeper.core.watch.ScopeResult;
import io.watchkeeper.core.watch.ScopeSnapshot;
import io.watchkeeper.core.watch.ScopeStatus;
import io.watchkeeper.core.watch.SessionFactory;
import io.watchkeeper.core.watch.SnapshotStore;
import io.watchkeeper.core.watch.StoredScope;
import io.watchkeeper.core.watch.WatchMetrics;
import io.watchkeeper.core.watch.WatchRunStore;
import io.watchkeeper.core.watch.WatchScope;
import io.watchkeeper.core.watch.Watcher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The watch pipeline. For each scope (account, region, type): claim the scope, list and describe,
 * canonicalise, store in one transaction, record the result. A scope that fails is recorded with
 * its error and nothing of it is written; other scopes go on. Scopes run on virtual threads.
 * Opening an account proves its identity (see the session factory), so an account whose credentials
 * reach another account fails all of its scopes and writes nothing; third-party accounts are skipped.
 */
public final class WatchRunner {

    /** Why a third-party account's scopes are skipped: they are never opened, not even by mistake. */
    public static final String THIRD_PARTY = "third-party account: reference data for the auditors, never watched";

    private final WatcherRegistry watchers;
    private final Map<Provider, SessionFactory> sessions;
    private final SnapshotStore store;
    private final WatchRunStore runs;
    private final ScopeLeases leases;
    private final WatchMetrics metrics;
    private final WatchSettings settings;

    public WatchRunner(WatcherRegistry watchers, List<SessionFactory> sessions, SnapshotStore store, WatchRunStore runs,
                       ScopeLeases leases, WatchMetrics metrics, WatchSettings settings) {
        this.watchers = Objects.requireNonNull(watchers, "watchers");
        this.sessions = sessions.stream().collect(Collectors.toUnmodifiableMap(SessionFactory::provider, Function.identity()));
        this.store = Objects.requireNonNull(store, "store");
        this.runs = Objects.requireNonNull(runs, "runs");
        this.leases = Objects.requireNonNull(leases, "leases");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public RunSummary run(WatchRequest request, WatchProgress progress) {
        long started = System.nanoTime();
        for (ResourceType type : request.types()) {
            watchers.require(type);
        }
        long runId = runs.startRun(request.trigger(), request.actor());
        List<ScopeResult> results = Collections.synchronizedList(new ArrayList<>());
        Semaphore scopeSlots = new Semaphore(settings.maxConcurrentScopes());
        Semaphore planningSlots = new Semaphore(Math.max(4, settings.maxConcurrentScopes() / 2));
        // Accounts are opened (role assumption, region discovery) concurrently, and each account's
        // scopes start as soon as that account is ready.
        try (ExecutorService accounts = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Account account : request.accounts()) {
                if (account.thirdParty()) {
                    List<ScopeResult> skipped = types(account, request).stream()
                            .map(w -> new ScopeResult(new WatchScope(account, "*", w.type()), ScopeStatus.SKIPPED, null,
                                    null, THIRD_PARTY, Duration.ZERO, 0, 0, null))
                            .toList();
                    progress.planned(skipped.size());
                    skipped.forEach(result -> finish(runId, result, results, progress));
                    continue;
                }
                accounts.submit(() -> {
                    AccountPlan plan;
                    planningSlots.acquireUninterruptibly();
                    try {
                        plan = plan(account, request);
                    } finally {
                        planningSlots.release();
                    }
                    progress.planned(plan.scopes().size() + plan.failures().size());
                    try (ExecutorService scopes = Executors.newVirtualThreadPerTaskExecutor()) {
                        for (ScopeResult failure : plan.failures()) {
                            finish(runId, failure, results, progress);
                        }
                        for (WatchScope scope : plan.scopes()) {
                            scopes.submit(() -> {
                                scopeSlots.acquireUninterruptibly();
                                try {
                                    finish(runId, watchScope(runId, scope, plan.session(), request.waitForBusyScopes()),
                                            results, progress);
                                } finally {
                                    scopeSlots.release();
                                }
                            });
                        }
                    } finally {
                        plan.close();
                    }
                });
            }
        }
        List<ScopeResult> ordered = new ArrayList<>(results);
        ordered.sort((a, b) -> a.scope().toString().compareTo(b.scope().toString()));
        RunSummary summary = new RunSummary(runId, ordered, Duration.ofNanos(System.nanoTime() - started));
        runs.finishRun(runId, summary);
        return summary;
    }

    private void finish(long runId, ScopeResult result, List<ScopeResult> results, WatchProgress progress) {
        runs.recordScope(runId, result);
        metrics.scopeFinished(result.scope().type(), result.status(), result.duration(), result.counts());
        results.add(result);
        progress.scopeFinished(result);
    }

    /** The scopes of one account, or the failures that kept us from listing them. */
    private record AccountPlan(CloudSession session, List<WatchScope> scopes, List<ScopeResult> failures) {
        void close() {
            if (session != null) {
                session.close();
            }
        }
    }

    private List<Watcher<?>> types(Account account, WatchRequest request) {
        return request.types().isEmpty()
                ? watchers.forProvider(account.provider())
                : request.types().stream().<Watcher<?>>map(watchers::require)
                        .filter(w -> w.type().provider() == account.provider()).toList();
    }

    private AccountPlan plan(Account account, WatchRequest request) {
        List<Watcher<?>> types = types(account, request);
        SessionFactory factory = sessions.get(account.provider());
        CloudSession session = null;
        try {
            if (factory == null) {
                throw new WatchkeeperException(ErrorCategory.INVALID_INPUT,
                        "no session factory for provider " + account.provider().id());
            }
            session = factory.open(account);
            List<String> regions = null;
            List<WatchScope> scopes = new ArrayList<>();
            for (Watcher<?> watcher : types) {
                if (watcher.scopeKind() == ScopeKind.GLOBAL) {
                    scopes.add(new WatchScope(account, WatchScope.GLOBAL, watcher.type()));
                    continue;
                }
                if (regions == null) {
                    regions = request.regions().isEmpty() ? factory.regions(session) : List.copyOf(request.regions());
                }
                for (String region : regions) {
                    scopes.add(new WatchScope(account, region, watcher.type()));
                }
            }
            return new AccountPlan(session, scopes, List.of());
        } catch (RuntimeException e) {
            if (session != null) {
                session.close();
            }
            ErrorCategory category = e instanceof WatchkeeperException w ? w.category() : ErrorCategory.INTERNAL;
            List<ScopeResult> failures = types.stream()
                    .map(w -> new ScopeResult(new WatchScope(account, "*", w.type()), ScopeStatus.FAILED, null,
                            category, "could not open the account: " + oneLine(e), Duration.ZERO, 0, 0, null))
                    .toList();
            return new AccountPlan(null, List.of(), failures);
        }
    }

    private ScopeResult watchScope(long runId, WatchScope scope, CloudSession session, boolean wait) {
        long started = System.nanoTime();
        // the holder is this run, not this process: two runs in one process (the scheduler and a
        // re-watch that verifies a remediation, say) never hold the same scope at once
        String holder = settings.holder() + "#run-" + runId;
        if (!claim(scope, holder, wait)) {
            return new ScopeResult(scope, ScopeStatus.SKIPPED, null, null,
                    "another run is watching this scope", elapsed(started), 0, 0, null);
        }
        ScopeCalls calls = new ScopeCalls();
        try {
            return calls.run(() -> observeAndStore(runId, scope, session, calls, started));
        } finally {
            leases.release(scope.key(), holder);
        }
    }

    private boolean claim(WatchScope scope, String holder, boolean wait) {
        long deadline = System.nanoTime() + settings.busyWait().toNanos();
        while (true) {
            if (leases.tryAcquire(scope.key(), holder, settings.leaseTtl())) {
                return true;
            }
            if (!wait || System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    private <C extends Record> ScopeResult observeAndStore(long runId, WatchScope scope, CloudSession session,
                                                          ScopeCalls calls, long started) {
        @SuppressWarnings("unchecked")
        Watcher<C> watcher = (Watcher<C>) watchers.require(scope.type());
        try {
            List<Observation<C>> observations = watcher.observe(scope, session);
            List<ObservedItem> items = new ArrayList<>(observations.size());
            Set<String> unreadable = new HashSet<>();
            Set<String> seen = new HashSet<>();
            String firstProblem = null;
            for (Observation<C> observation : observations) {
                if (!seen.add(observation.resourceId())) {
                    throw new WatchkeeperException(ErrorCategory.INVALID_RESPONSE,
                            "resource '" + observation.resourceId() + "' was listed twice");
                }
                switch (observation) {
                    case Observation.Observed<C> o -> {
                        Canonical canonical = CanonicalJson.of(o.config());
                        if (canonical.fullText().length() > settings.maxConfigBytes()) {
                            unreadable.add(o.resourceId());
                            firstProblem = firstProblem != null ? firstProblem
                                    : o.resourceId() + ": configuration larger than " + settings.maxConfigBytes() + " bytes";
                        } else {
                            items.add(new ObservedItem(o.resourceId(), o.name(), o.region(), canonical));
                        }
                    }
                    case Observation.Unreadable<C> u -> {
                        unreadable.add(u.resourceId());
                        firstProblem = firstProblem != null ? firstProblem
                                : u.resourceId() + ": " + u.category() + " " + u.message();
                    }
                }
            }
            StoredScope stored = store.applyScope(new ScopeSnapshot(scope, runId, items, unreadable,
                    EphemeralPaths.of(watcher.configType())::strip));
            ScopeCounts counts = stored.counts();
            if (!unreadable.isEmpty()) {
                return new ScopeResult(scope, ScopeStatus.PARTIAL, counts, ErrorCategory.INVALID_RESPONSE,
                        unreadable.size() + " resource(s) could not be read and were left as they were; first: "
                                + firstProblem, elapsed(started), calls.calls(), calls.throttles(), stored.changedItemIds());
            }
            return new ScopeResult(scope, ScopeStatus.OK, counts, null, null, elapsed(started), calls.calls(),
                    calls.throttles(), stored.changedItemIds());
        } catch (RuntimeException e) {
            ErrorCategory category = e instanceof WatchkeeperException w ? w.category() : categorize(e);
            return new ScopeResult(scope, ScopeStatus.FAILED, ScopeCounts.ZERO, category, oneLine(e), elapsed(started),
                    calls.calls(), calls.throttles(), null);
        }
    }

    private static ErrorCategory categorize(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof WatchkeeperException w) {
                return w.category();
            }
        }
        return ErrorCategory.INTERNAL;
    }

    private static Duration elapsed(long started) {
        return Duration.ofNanos(System.nanoTime() - started);
    }

    static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String line = message.replaceAll("\\s+", " ").trim();
        return line.length() > 500 ? line.substring(0, 500) + "…" : line;
    }
}
