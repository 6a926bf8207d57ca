package io.watchkeeper.db;

import static io.watchkeeper.db.jooq.Tables.REMEDIATION;
import static io.watchkeeper.db.jooq.Tables.REMEDIATION_CHANGE;
import static io.watchkeeper.db.jooq.Tables.REMEDIATION_MODE;
import static io.watchkeeper.db.jooq.Tables.REMEDIATION_SETTING;
import static org.jooq.impl.DSL.excluded;

import io.watchkeeper.core.access.AccountScope;
import io.watchkeeper.core.json.CanonicalJson;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.model.InvalidInputException;
import io.watchkeeper.core.remediation.ChangeClaim;
import io.watchkeeper.core.remediation.NewRemediation;
import io.watchkeeper.core.remediation.RemediationMode;
import io.watchkeeper.core.remediation.RemediationPlan;
import io.watchkeeper.core.remediation.RemediationStatus;
import io.watchkeeper.core.remediation.RemediationStore;
import io.watchkeeper.core.remediation.RemediationView;
import io.watchkeeper.core.remediation.StatusUpdate;
import io.watchkeeper.db.jooq.tables.records.RemediationRecord;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.impl.DSL;

/**
 * Remediations in PostgreSQL; status changes are compare-and-set so two nodes never apply one plan twice, and
 * changes are claimed against the per-account hourly limit under an advisory lock so nodes never exceed it.
 */
public final class JooqRemediationStore implements RemediationStore {

    private static final List<String> PENDING = List.of("PLANNED", "AWAITING_APPROVAL", "APPROVED", "APPLYING");
    /** The advisory-lock class of the per-account change budget (the other key is the account). */
    private static final int LOCK_CLASS = 0x57_4b_52_42; // "WKRB"

    private final DSLContext dsl;

    public JooqRemediationStore(DSLContext dsl) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
    }

    @Override
    public RemediationView create(NewRemediation p) {
        try {
            return view(dsl.insertInto(REMEDIATION)
                    .set(REMEDIATION.REMEDIATION_ID, p.remediationId())
                    .set(REMEDIATION.FINDING_ID, p.findingId())
                    .set(REMEDIATION.ACCOUNT_ID, p.accountId())
                    .set(REMEDIATION.ITEM_ID, p.itemId())
                    .set(REMEDIATION.RESOURCE_ID, p.resourceId())
                    .set(REMEDIATION.REGION, p.region())
                    .set(REMEDIATION.STATUS, p.status().name())
                    .set(REMEDIATION.MODE, p.mode().name())
                    .set(REMEDIATION.PLAN, JSONB.valueOf(Json.write(p.plan())))
                    .set(REMEDIATION.BEFORE_CONFIG, JSONB.valueOf(Json.write(p.beforeConfig())))
                    .set(REMEDIATION.BEFORE_HASH, p.beforeHash())
                    .set(REMEDIATION.REQUESTED_BY, p.requestedBy())
                    .set(REMEDIATION.PLANNED_BY, p.plannedBy())
                    .returning()
                    .fetchSingle());
        } catch (RuntimeException e) {
            if (Sql.isUniqueViolation(e)) {
                throw new InvalidInputException("finding " + p.findingId() + " already has a pending remediation");
            }
            throw e;
        }
    }

    @Override
    public Optional<RemediationView> find(long id) {
        return dsl.selectFrom(REMEDIATION).where(REMEDIATION.ID.eq(id)).fetchOptional(JooqRemediationStore::view);
    }

    @Override
    public Optional<RemediationView> pendingFor(long findingId) {
        return dsl.selectFrom(REMEDIATION)
                .where(REMEDIATION.FINDING_ID.eq(findingId).and(REMEDIATION.STATUS.in(PENDING)))
                .fetchOptional(JooqRemediationStore::view);
    }

    @Override
    public List<RemediationView> list(RemediationStatus status, AccountScope scope, int limit) {
        return dsl.selectFrom(REMEDIATION)
                .where(status == null ? DSL.trueCondition() : REMEDIATION.STATUS.eq(status.name()))
                .and(scope.unrestricted() ? DSL.trueCondition() : REMEDIATION.ACCOUNT_ID.in(scope.accountIds()))
                .orderBy(REMEDIATION.ID.desc())
                .limit(Math.max(1, Math.min(limit, 5000)))
                .fetch(JooqRemediationStore::view);
    }

    @Override
    public boolean transition(long id, RemediationStatus from, RemediationStatus to, StatusUpdate update) {
        return move(dsl, id, from, to, update);
    }

    @Override
    public ChangeClaim claimChange(long id, long accountId, RemediationStatus from, RemediationStatus to,
                                   StatusUpdate update, ChangeClaim.Kind kind, Duration window) {
        return dsl.transactionResult(configuration -> {
            DSLContext tx = configuration.dsl();
            // one lock per account, held to the end of the (outermost) transaction: counting and claiming are
            // one step for every node on this database
            tx.resultQuery("SELECT pg_advisory_xact_lock({0}, {1})", DSL.val(LOCK_CLASS),
                    DSL.val(Long.hashCode(accountId))).fetch();
            int limit = tx.select(REMEDIATION_SETTING.MAX_CHANGES_PER_ACCOUNT_PER_HOUR).from(REMEDIATION_SETTING)
                    .fetchSingle().value1();
            int used = tx.fetchCount(REMEDIATION_CHANGE, REMEDIATION_CHANGE.ACCOUNT_ID.eq(accountId)
                    .and(DSL.condition("{0} > clock_timestamp() - make_interval(secs => {1})",
                            REMEDIATION_CHANGE.STARTED_AT, DSL.val((double) window.toSeconds()))));
            if (used >= limit) {
                return new ChangeClaim(ChangeClaim.Outcome.LIMIT_REACHED, limit);
            }
            if (!move(tx, id, from, to, update)) {
                return new ChangeClaim(ChangeClaim.Outcome.NOT_IN_STATUS, limit);
            }
            tx.insertInto(REMEDIATION_CHANGE)
                    .set(REMEDIATION_CHANGE.ACCOUNT_ID, accountId)
                    .set(REMEDIATION_CHANGE.REMEDIATION_ROW_ID, id)
                    .set(REMEDIATION_CHANGE.KIND, kind.name())
                    .execute();
            return new ChangeClaim(ChangeClaim.Outcome.CLAIMED, limit);
        });
    }

    private static boolean move(DSLContext dsl, long id, RemediationStatus from, RemediationStatus to,
                                StatusUpdate update) {
        Map<Field<?>, Object> set = new java.util.LinkedHashMap<>();
        set.put(REMEDIATION.STATUS, to.name());
        set.put(REMEDIATION.UPDATED_AT, OffsetDateTime.now());
        if (to == RemediationStatus.APPLYING) {
            set.put(REMEDIATION.APPLY_STARTED_AT, OffsetDateTime.now());
        }
        if (update.approvedBy() != null) {
            set.put(REMEDIATION.APPROVED_BY, update.approvedBy());
        }
        if (update.rollbackPlan() != null) {
            set.put(REMEDIATION.ROLLBACK_PLAN, JSONB.valueOf(Json.write(update.rollbackPlan())));
        }
        if (update.error() != null) {
            set.put(REMEDIATION.ERROR, update.error().length() > 2000 ? update.error().substring(0, 2000) : update.error());
        }
        if (update.setsAfterHash()) {
            set.put(REMEDIATION.AFTER_HASH, update.afterHash());
        }
        return dsl.update(REMEDIATION).set(set)
                .where(REMEDIATION.ID.eq(id).and(REMEDIATION.STATUS.eq(from.name())))
                .execute() == 1;
    }

    @Override
    public List<RemediationView> stuckApplying(Duration olderThan) {
        return dsl.selectFrom(REMEDIATION)
                .where(REMEDIATION.STATUS.eq("APPLYING").and(REMEDIATION.UPDATED_AT.lt(OffsetDateTime.now().minus(olderThan))))
                .fetch(JooqRemediationStore::view);
    }

    @Override
    public RemediationMode mode(String remediationId, long accountId) {
        return dsl.select(REMEDIATION_MODE.MODE).from(REMEDIATION_MODE)
                .where(REMEDIATION_MODE.REMEDIATION_ID.eq(remediationId)
                        .and(REMEDIATION_MODE.ACCOUNT_ID.eq(accountId).or(REMEDIATION_MODE.ACCOUNT_ID.isNull())))
                .orderBy(REMEDIATION_MODE.ACCOUNT_ID.nullsLast())
                .limit(1)
                .fetchOptional(r -> RemediationMode.valueOf(r.value1()))
                .orElse(RemediationMode.DRY_RUN);
    }

    @Override
    public void setMode(String remediationId, Long accountId, RemediationMode mode, String by) {
        dsl.insertInto(REMEDIATION_MODE)
                .set(REMEDIATION_MODE.REMEDIATION_ID, remediationId)
                .set(REMEDIATION_MODE.ACCOUNT_ID, accountId)
                .set(REMEDIATION_MODE.MODE, mode.name())
                .set(REMEDIATION_MODE.UPDATED_BY, by)
                .onConflict(REMEDIATION_MODE.REMEDIATION_ID, REMEDIATION_MODE.ACCOUNT_ID)
                .doUpdate()
                .set(REMEDIATION_MODE.MODE, excluded(REMEDIATION_MODE.MODE))
                .set(REMEDIATION_MODE.UPDATED_BY, excluded(REMEDIATION_MODE.UPDATED_BY))
                .set(REMEDIATION_MODE.UPDATED_AT, OffsetDateTime.now())
                .execute();
    }

    @Override
    public List<ModeSetting> modes() {
        return dsl.selectFrom(REMEDIATION_MODE).orderBy(REMEDIATION_MODE.REMEDIATION_ID, REMEDIATION_MODE.ACCOUNT_ID)
                .fetch(r -> new ModeSetting(r.getRemediationId(), r.getAccountId(), RemediationMode.valueOf(r.getMode())));
    }

    @Override
    public boolean killSwitch() {
        return dsl.select(REMEDIATION_SETTING.KILL_SWITCH).from(REMEDIATION_SETTING).fetchSingle().value1();
    }

    @Override
    public void setKillSwitch(boolean on, String by) {
        dsl.update(REMEDIATION_SETTING).set(REMEDIATION_SETTING.KILL_SWITCH, on)
                .set(REMEDIATION_SETTING.UPDATED_BY, by).set(REMEDIATION_SETTING.UPDATED_AT, OffsetDateTime.now())
                .execute();
    }

    @Override
    public int maxChangesPerAccountPerHour() {
        return dsl.select(REMEDIATION_SETTING.MAX_CHANGES_PER_ACCOUNT_PER_HOUR).from(REMEDIATION_SETTING)
                .fetchSingle().value1();
    }

    @Override
    public void setMaxChangesPerAccountPerHour(int max, String by) {
        if (max < 0 || max > 10_000) {
            throw new InvalidInputException("the blast-radius limit must be between 0 and 10000 changes per hour");
        }
        dsl.update(REMEDIATION_SETTING).set(REMEDIATION_SETTING.MAX_CHANGES_PER_ACCOUNT_PER_HOUR, max)
                .set(REMEDIATION_SETTING.UPDATED_BY, by).set(REMEDIATION_SETTING.UPDATED_AT, OffsetDateTime.now())
                .execute();
    }

    private static RemediationView view(RemediationRecord r) {
        return new RemediationView(r.getId(), r.getRemediationId(), r.getFindingId(), r.getAccountId(), r.getItemId(),
                r.getResourceId(), r.getRegion(), RemediationStatus.valueOf(r.getStatus()),
                RemediationMode.valueOf(r.getMode()), Json.read(r.getPlan().data(), RemediationPlan.class),
                CanonicalJson.sorted(Json.parse(r.getBeforeConfig().data())), r.getBeforeHash(), r.getAfterHash(),
                r.getRollbackPlan() == null ? null : Json.read(r.getRollbackPlan().data(), RemediationPlan.class),
                r.getRequestedBy(), r.getPlannedBy(), r.getApprovedBy(), r.getCreatedAt(), r.getUpdatedAt(), r.getError());
    }
}
