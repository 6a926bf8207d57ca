package io.watchkeeper.db;

import io.watchkeeper.core.access.AccountScope;
import io.watchkeeper.core.compliance.ComplianceHistory;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Compliance history from PostgreSQL. A finding is present from an opening event (opened,
 * opened-suppressed, regressed, re-enabled) until a closing one (fixed, fixed-resource-deleted,
 * check-disabled), so its presence at an instant is the last of those events before it; an item is
 * live from a created, changed or recreated revision until a deleted one. The state "at" an instant
 * is the state after every event strictly before it. Read-only; scoped by account id.
 */
public final class JooqComplianceHistory implements ComplianceHistory {

    static final String OPENING = "'opened','opened-suppressed','regressed','re-enabled'";
    static final String CLOSING = "'fixed','fixed-resource-deleted','check-disabled'";
    /** Events after which the finding's status is known (for the status shown at a past instant). */
    static final String STATUS = OPENING + ",'justified','justification-withdrawn','justification-expired',"
            + "'reopened-evidence-changed','suppression-ended','suppressed'";

    private final DSLContext dsl;

    public JooqComplianceHistory(DSLContext dsl) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
    }

    /** Spans of presence per finding: one row per opening or closing event, until the next one. */
    private static String spans(AccountScope scope) {
        return "spans AS (SELECT f.account_id, f.check_id, e.finding_id, e.at AS since, e.event IN (" + OPENING
                + ") AS present, lead(e.at) OVER (PARTITION BY e.finding_id ORDER BY e.at, e.id) AS until"
                + " FROM finding f JOIN finding_event e ON e.finding_id = f.id"
                + " WHERE f.check_id = ANY(?) AND e.event IN (" + OPENING + "," + CLOSING + ")"
                + (scope.unrestricted() ? "" : " AND f.account_id = ANY(?)") + ")";
    }

    private static List<Object> params(Set<String> values, AccountScope scope) {
        List<Object> params = new ArrayList<>();
        params.add(DSL.val(values.toArray(String[]::new)));
        if (!scope.unrestricted()) {
            params.add(DSL.val(scope.accountIds().toArray(Long[]::new)));
        }
        return params;
    }

    private static OffsetDateTime[] instants(List<Instant> at) {
        return at.stream().map(i -> i.atOffset(ZoneOffset.UTC)).toArray(OffsetDateTime[]::new);
    }

    private static boolean nothing(Set<String> values, AccountScope scope) {
        return values.isEmpty() || !scope.unrestricted() && scope.accountIds().isEmpty();
    }

    @Override
    public List<FailingCount> failing(Set<String> checkIds, AccountScope scope, List<Instant> at) {
        if (nothing(checkIds, scope) || at.isEmpty()) {
            return List.of();
        }
        List<Object> params = new ArrayList<>();
        params.add(DSL.val(instants(at)));
        params.addAll(params(checkIds, scope));
        String sql = "WITH pts AS (SELECT unnest(?::timestamptz[]) AS at), " + spans(scope)
                + " SELECT p.at, s.account_id, s.check_id, count(DISTINCT s.finding_id) FROM pts p JOIN spans s"
                + " ON s.present AND s.since < p.at AND (s.until IS NULL OR s.until >= p.at)"
                + " GROUP BY p.at, s.account_id, s.check_id";
        return dsl.resultQuery(sql, params.toArray()).fetch(r -> new FailingCount(
                r.get(0, OffsetDateTime.class).toInstant(), r.get(1, Long.class), r.get(2, String.class), r.get(3, Long.class)));
    }

    @Override
    public List<PresentFinding> present(Set<String> checkIds, AccountScope scope, Instant at, int limitPerPair) {
        if (nothing(checkIds, scope)) {
            return List.of();
        }
        OffsetDateTime when = at.atOffset(ZoneOffset.UTC);
        List<Object> params = new ArrayList<>(params(checkIds, scope));
        params.add(DSL.val(when));
        params.add(DSL.val(when));
        params.add(DSL.val(when));
        params.add(DSL.val(Math.max(0, limitPerPair)));
        String sql = "WITH " + spans(scope) + ","
                + " cur AS (SELECT s.account_id, s.check_id, s.finding_id,"
                + "   row_number() OVER (PARTITION BY s.account_id, s.check_id ORDER BY s.finding_id) AS rn"
                + "   FROM spans s WHERE s.present AND s.since < ?::timestamptz AND (s.until IS NULL OR s.until >= ?::timestamptz))"
                + " SELECT c.account_id, c.check_id, c.finding_id, f.item_id, f.resource_type, f.region, f.resource_id,"
                + "   f.resource_name, (SELECT coalesce(e.details->>'to', CASE e.event WHEN 'opened-suppressed' THEN 'SUPPRESSED'"
                + "     WHEN 'suppressed' THEN 'SUPPRESSED' WHEN 'regressed' THEN 'REGRESSED' WHEN 'justified' THEN 'JUSTIFIED'"
                + "     ELSE 'OPEN' END) FROM finding_event e WHERE e.finding_id = c.finding_id AND e.at < ?::timestamptz"
                + "     AND e.event IN (" + STATUS + ") ORDER BY e.at DESC, e.id DESC LIMIT 1)"
                + " FROM cur c JOIN finding f ON f.id = c.finding_id WHERE c.rn <= ?"
                + " ORDER BY c.account_id, c.check_id, c.finding_id";
        return dsl.resultQuery(sql, params.toArray()).fetch(r -> new PresentFinding(r.get(0, Long.class),
                r.get(1, String.class), r.get(2, Long.class), r.get(3, Long.class), r.get(4, String.class),
                r.get(5, String.class), r.get(6, String.class), r.get(7, String.class),
                Objects.requireNonNullElse(r.get(8, String.class), "OPEN")));
    }

    @Override
    public List<LiveType> live(Set<String> types, AccountScope scope, List<Instant> at) {
        if (nothing(types, scope) || at.isEmpty()) {
            return List.of();
        }
        List<Object> params = new ArrayList<>();
        params.add(DSL.val(instants(at)));
        params.addAll(params(types, scope));
        String sql = "WITH pts AS (SELECT unnest(?::timestamptz[]) AS at),"
                + " revs AS (SELECT i.account_id, i.resource_type, r.observed_at AS since, r.kind <> 'deleted' AS alive,"
                + "   lead(r.observed_at) OVER (PARTITION BY r.item_id ORDER BY r.revision_no) AS until"
                + "   FROM item i JOIN item_revision r ON r.item_id = i.id WHERE i.resource_type = ANY(?)"
                + (scope.unrestricted() ? "" : " AND i.account_id = ANY(?)") + ")"
                + " SELECT DISTINCT p.at, v.account_id, v.resource_type FROM pts p JOIN revs v"
                + " ON v.alive AND v.since < p.at AND (v.until IS NULL OR v.until >= p.at)";
        return dsl.resultQuery(sql, params.toArray()).fetch(r -> new LiveType(r.get(0, OffsetDateTime.class).toInstant(),
                r.get(1, Long.class), r.get(2, String.class)));
    }

    @Override
    public List<FirstWatch> firstWatched(Set<String> types, AccountScope scope) {
        if (nothing(types, scope)) {
            return List.of();
        }
        String sql = "SELECT account_id, resource_type, min(finished_at) FROM watch_scope_result"
                + " WHERE status IN ('OK', 'PARTIAL') AND resource_type = ANY(?)"
                + (scope.unrestricted() ? "" : " AND account_id = ANY(?)") + " GROUP BY account_id, resource_type";
        return dsl.resultQuery(sql, params(types, scope).toArray()).fetch(r -> new FirstWatch(r.get(0, Long.class),
                r.get(1, String.class), r.get(2, OffsetDateTime.class).toInstant()));
    }
}
