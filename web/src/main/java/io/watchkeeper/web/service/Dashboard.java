package io.watchkeeper.web.service;

import static io.watchkeeper.db.jooq.Tables.ACCOUNT;
import static io.watchkeeper.db.jooq.Tables.FINDING;
import static io.watchkeeper.db.jooq.Tables.FINDING_EVENT;
import static io.watchkeeper.db.jooq.Tables.ITEM;
import static io.watchkeeper.db.jooq.Tables.ITEM_REVISION;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.DSL.trueCondition;

import io.watchkeeper.core.access.AccountScope;
import io.watchkeeper.core.finding.Severity;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;

/**
 * The dashboard's figures for one account scope, computed in PostgreSQL and cached for
 * {@link #TTL} per scope (aggregates over a million findings are not worth repeating per click).
 */
@Service
public class Dashboard {

    static final Duration TTL = Duration.ofSeconds(30);
    static final Duration SLOW = Duration.ofMillis(200);
    private static final String OPEN = "OPEN";
    private static final String REGRESSED = "REGRESSED";

    private final DSLContext dsl;
    private final Clock clock = Clock.systemUTC();
    private final Map<AccountScope, Cached> cache = new ConcurrentHashMap<>();
    private final java.util.Set<AccountScope> refreshing = ConcurrentHashMap.newKeySet();
    private final Map<AccountScope, Object> locks = new ConcurrentHashMap<>();

    public Dashboard(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** A labelled count. */
    public record Count(String label, long value) {}

    /** One day of the trend. */
    public record Day(LocalDate day, long opened, long fixed) {}

    /** An item and the sum of its open findings' scores. */
    public record RiskyItem(long itemId, String name, String type, String account, long risk, long findings) {}

    /** A recent configuration change. */
    public record Change(long itemId, String name, String type, String account, String kind, OffsetDateTime at,
                         String changedBy) {}

    /** Everything on the dashboard. */
    public record Summary(Map<Severity, Long> openBySeverity, List<Count> topAccounts, List<Count> topChecks,
                          List<Day> trend, List<RiskyItem> riskyItems, List<Change> recentChanges,
                          OffsetDateTime computedAt) {
        public long openTotal() {
            return openBySeverity.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private record Cached(Summary summary, Instant at, Duration took) {}

    /**
     * The figures for a scope. Fresh ones are served from the cache; stale ones are recomputed in
     * place when that is quick (under {@link #SLOW}), otherwise served stale while one background
     * refresh per scope runs, so a large estate never makes a page wait on the aggregates.
     */
    public Summary summary(AccountScope scope) {
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
        Summary fresh = compute(scope);
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

    private Summary compute(AccountScope scope) {
        Condition open = FINDING.STATUS.in(OPEN, REGRESSED).and(inScope(FINDING.ACCOUNT_ID, scope));
        Map<Severity, Long> bySeverity = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            bySeverity.put(s, 0L);
        }
        dsl.select(FINDING.SEVERITY, count()).from(FINDING).where(open).groupBy(FINDING.SEVERITY)
                .forEach(r -> bySeverity.put(Severity.valueOf(r.value1()), r.value2().longValue()));
        List<Count> accounts = dsl.select(ACCOUNT.NAME, count()).from(FINDING).join(ACCOUNT).on(ACCOUNT.ID.eq(FINDING.ACCOUNT_ID))
                .where(open).groupBy(ACCOUNT.NAME).orderBy(count().desc(), ACCOUNT.NAME).limit(10)
                .fetch(r -> new Count(r.value1(), r.value2()));
        List<Count> checks = dsl.select(FINDING.CHECK_ID, count()).from(FINDING).where(open)
                .groupBy(FINDING.CHECK_ID).orderBy(count().desc(), FINDING.CHECK_ID).limit(10)
                .fetch(r -> new Count(r.value1(), r.value2()));
        Field<java.math.BigDecimal> risk = sum(FINDING.SCORE);
        List<RiskyItem> risky = dsl.select(ITEM.ID, ITEM.NAME, ITEM.RESOURCE_TYPE, ACCOUNT.NAME, risk, count())
                .from(FINDING).join(ITEM).on(ITEM.ID.eq(FINDING.ITEM_ID)).join(ACCOUNT).on(ACCOUNT.ID.eq(ITEM.ACCOUNT_ID))
                .where(open).groupBy(ITEM.ID, ITEM.NAME, ITEM.RESOURCE_TYPE, ACCOUNT.NAME)
                .orderBy(risk.desc(), ITEM.ID).limit(10)
                .fetch(r -> new RiskyItem(r.value1(), r.value2(), r.value3(), r.value4(), r.value5().longValue(), r.value6()));
        return new Summary(bySeverity, accounts, checks, trend(scope), risky, changes(scope),
                OffsetDateTime.now(ZoneOffset.UTC));
    }

    private List<Day> trend(AccountScope scope) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        OffsetDateTime from = today.minusDays(29).atStartOfDay().atOffset(ZoneOffset.UTC);
        Field<LocalDate> day = DSL.field("({0} at time zone 'UTC')::date", LocalDate.class, FINDING_EVENT.AT);
        Map<LocalDate, long[]> counts = new java.util.TreeMap<>();
        for (int i = 0; i < 30; i++) {
            counts.put(today.minusDays(29 - i), new long[2]);
        }
        var query = dsl.select(day, FINDING_EVENT.EVENT, count()).from(FINDING_EVENT);
        var joined = scope.unrestricted() ? query.where(trueCondition())
                : query.join(FINDING).on(FINDING.ID.eq(FINDING_EVENT.FINDING_ID)).where(inScope(FINDING.ACCOUNT_ID, scope));
        joined.and(FINDING_EVENT.AT.ge(from)).and(FINDING_EVENT.EVENT.in("opened", "regressed", "fixed"))
                .groupBy(day, FINDING_EVENT.EVENT)
                .forEach(r -> {
                    long[] c = counts.get(r.value1());
                    if (c != null) {
                        c["fixed".equals(r.value2()) ? 1 : 0] += r.value3();
                    }
                });
        List<Day> days = new ArrayList<>();
        counts.forEach((d, c) -> days.add(new Day(d, c[0], c[1])));
        return days;
    }

    private List<Change> changes(AccountScope scope) {
        return dsl.select(ITEM.ID, ITEM.NAME, ITEM.RESOURCE_TYPE, ACCOUNT.NAME, ITEM_REVISION.KIND,
                        ITEM_REVISION.OBSERVED_AT, ITEM_REVISION.CHANGED_BY)
                .from(ITEM_REVISION).join(ITEM).on(ITEM.ID.eq(ITEM_REVISION.ITEM_ID))
                .join(ACCOUNT).on(ACCOUNT.ID.eq(ITEM.ACCOUNT_ID))
                .where(inScope(ITEM.ACCOUNT_ID, scope))
                .orderBy(ITEM_REVISION.OBSERVED_AT.desc(), ITEM_REVISION.ID.desc()).limit(15)
                .fetch(r -> new Change(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7()));
    }

    static Condition inScope(Field<Long> accountId, AccountScope scope) {
        return scope.unrestricted() ? trueCondition() : accountId.in(scope.accountIds());
    }
}
