package io.watchkeeper.web.service;

import io.watchkeeper.core.access.AccountScope;
import io.watchkeeper.core.dashboard.DashboardReader;
import io.watchkeeper.core.dashboard.DashboardSummary;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;

/**
 * The dashboard's figures for one account scope, computed by the {@link DashboardReader} and cached for
 * {@link #TTL} per scope (aggregates over a million findings are not worth repeating per click).
 */
@Service
public class Dashboard {

    static final Duration TTL = Duration.ofSeconds(30);
    static final Duration SLOW = Duration.ofMillis(200);

    private final DashboardReader reader;
    private final Clock clock = Clock.systemUTC();
    private final Map<AccountScope, Cached> cache = new ConcurrentHashMap<>();
    private final java.util.Set<AccountScope> refreshing = ConcurrentHashMap.newKeySet();
    private final Map<AccountScope, Object> locks = new ConcurrentHashMap<>();

    public Dashboard(DashboardReader reader) {
        this.reader = reader;
    }

    private record Cached(DashboardSummary summary, Instant at, Duration took) {}

    /**
     * The figures for a scope. Fresh ones are served from the cache; stale ones are recomputed in
     * place when that is quick (under {@link #SLOW}), otherwise served stale while one background
     * refresh per scope runs, so a large estate never makes a page wait on the aggregates.
     */
    public DashboardSummary summary(AccountScope scope) {
        Cached cached = cache.get(scope);
        if (cached == null) {
            // the first computation for a scope runs once; concurrent viewers wait for it instead of repeating it
            synchronized (locks.computeIfAbsent(scope, s -> new Object())) {
                Cached now = cache.get(scope);
                return now != null ? now.summary() : refresh(scope).summary();
            }
        }
        if (cached.at().plus(TTL).isAfter(clock.instant())) {
            return cached.summary();
        }
        if (cached.took().compareTo(SLOW) < 0) {
            return refresh(scope).summary();
        }
        if (refreshing.add(scope)) {
            Thread.ofVirtual().name("dashboard-refresh").start(() -> {
                try {
                    refresh(scope);
                } finally {
                    refreshing.remove(scope);
                }
            });
        }
        return cached.summary();
    }

    private Cached refresh(AccountScope scope) {
        long start = System.nanoTime();
        DashboardSummary fresh = reader.compute(scope);
        Cached entry = new Cached(fresh, clock.instant(), Duration.ofNanos(System.nanoTime() - start));
        if (cache.size() > 1000) {
            cache.clear();
        }
        cache.put(scope, entry);
        return entry;
    }

    /** A server warms the every-account figures in the background so the first dashboard view is quick. */
    @org.springframework.context.event.EventListener
    public void warm(org.springframework.boot.context.event.ApplicationReadyEvent event) {
        if (event.getApplicationContext() instanceof org.springframework.boot.web.server.context.WebServerApplicationContext) {
            Thread.ofVirtual().name("dashboard-warm").start(() -> {
                try {
                    refresh(AccountScope.ALL);
                } catch (RuntimeException e) {
                    // the first view computes it instead
                }
            });
        }
    }

    /** Marks cached figures stale (after a scan or a triage action) so the next view refreshes them. */
    public void invalidate() {
        cache.replaceAll((scope, c) -> new Cached(c.summary(), Instant.EPOCH, c.took()));
    }
}
