package io.watchkeeper.db;

import static io.watchkeeper.db.jooq.Tables.ACCOUNT;
import static io.watchkeeper.db.jooq.Tables.FINDING;
import static io.watchkeeper.db.jooq.Tables.FINDING_EVENT;
import static io.watchkeeper.db.jooq.Tables.ITEM;
import static io.watchkeeper.db.jooq.Tables.ITEM_REVISION;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.DSL.trueCondition;

import io.watchkeeper.core.access.AccountScope;
import io.watchkeeper.core.dashboard.DashboardReader;
import io.watchkeeper.core.dashboard.DashboardSummary;
import io.watchkeeper.core.dashboard.DashboardSummary.Change;
import io.watchkeeper.core.dashboard.DashboardSummary.Count;
import io.watchkeeper.core.dashboard.DashboardSummary.Day;
import io.watchkeeper.core.dashboard.DashboardSummary.RiskyItem;
import io.watchkeeper.core.finding.Severity;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/** The dashboard's aggregates over findings, their events and item revisions, limited to a scope. */
public final class JooqDashboardReader implements DashboardReader {

    private static final List<String> OPEN = List.of("OPEN", "REGRESSED");

    private final DSLContext dsl;

    public JooqDashboardReader(DSLContext dsl) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
    }

    @Override
    public DashboardSummary compute(AccountScope scope) {
        Condition open = FINDING.STATUS.in(OPEN).and(inScope(FINDING.ACCOUNT_ID, scope));
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
        Field<BigDecimal> risk = sum(FINDING.SCORE);
        List<RiskyItem> risky = dsl.select(ITEM.ID, ITEM.NAME, ITEM.RESOURCE_TYPE, ACCOUNT.NAME, risk, count())
                .from(FINDING).join(ITEM).on(ITEM.ID.eq(FINDING.ITEM_ID)).join(ACCOUNT).on(ACCOUNT.ID.eq(ITEM.ACCOUNT_ID))
                .where(open).groupBy(ITEM.ID, ITEM.NAME, ITEM.RESOURCE_TYPE, ACCOUNT.NAME)
                .orderBy(risk.desc(), ITEM.ID).limit(10)
                .fetch(r -> new RiskyItem(r.value1(), r.value2(), r.value3(), r.value4(), r.value5().longValue(), r.value6()));
        return new DashboardSummary(bySeverity, accounts, checks, trend(scope), risky, changes(scope),
                OffsetDateTime.now(ZoneOffset.UTC));
    }

    private List<Day> trend(AccountScope scope) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        OffsetDateTime from = today.minusDays(29).atStartOfDay().atOffset(ZoneOffset.UTC);
        Field<LocalDate> day = DSL.field("({0} at time zone 'UTC')::date", LocalDate.class, FINDING_EVENT.AT);
        Map<LocalDate, long[]> counts = new TreeMap<>();
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

    private static Condition inScope(Field<Long> accountId, AccountScope scope) {
        return scope.unrestricted() ? trueCondition() : accountId.in(scope.accountIds());
    }
}
