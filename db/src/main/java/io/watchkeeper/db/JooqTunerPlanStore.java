package io.watchkeeper.db;

import static io.watchkeeper.db.jooq.Tables.TUNER_PLAN;
import static io.watchkeeper.db.jooq.Tables.TUNER_PLAN_PRINCIPAL;

import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.tuner.PlanPrincipal;
import io.watchkeeper.core.tuner.PlanStatus;
import io.watchkeeper.core.tuner.TunerPlan;
import io.watchkeeper.core.tuner.TunerPlanStore;
import io.watchkeeper.db.jooq.tables.records.TunerPlanPrincipalRecord;
import io.watchkeeper.db.jooq.tables.records.TunerPlanRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;

/** Tuning plans and their principals in PostgreSQL; status moves are compare-and-set. */
public final class JooqTunerPlanStore implements TunerPlanStore {

    /** Principals per insert statement, and their detail text at most (a batch is what the store holds at once). */
    public static final int BATCH_ROWS = 50;
    static final long BATCH_CHARS = 8_000_000;

    private final DSLContext dsl;

    public JooqTunerPlanStore(DSLContext dsl) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
    }

    @Override
    public TunerPlan create(TunerPlan plan, Iterable<PlanPrincipal> principals) {
        return dsl.transactionResult(cfg -> {
            DSLContext tx = DSL.using(cfg);
            TunerPlanRecord r = tx.insertInto(TUNER_PLAN)
                    .set(TUNER_PLAN.ACCOUNT_ID, plan.accountId())
                    .set(TUNER_PLAN.STATUS, plan.status().name())
                    .set(TUNER_PLAN.CREATED_BY, plan.createdBy())
                    .set(TUNER_PLAN.WINDOW_DAYS, plan.windowDays())
                    .set(TUNER_PLAN.PRINCIPAL_FILTER, plan.principalFilter())
                    .set(TUNER_PLAN.EVIDENCE_NOTE, plan.evidenceNote())
                    .set(TUNER_PLAN.CATALOG_SOURCE, plan.catalogSource())
                    .set(TUNER_PLAN.SUMMARY, JSONB.valueOf(Json.write(plan.summary())))
                    .returning().fetchSingle();
            List<PlanPrincipal> batch = new ArrayList<>(BATCH_ROWS);
            long batchChars = 0;
            for (PlanPrincipal p : principals) {
                batch.add(p);
                batchChars += p.detail().length();
                if (batch.size() >= BATCH_ROWS || batchChars >= BATCH_CHARS) {
                    insert(tx, r.getId(), batch);
                    batch.clear();
                    batchChars = 0;
                }
            }
            insert(tx, r.getId(), batch);
            return plan(r);
        });
    }

    /** One multi-row insert of a batch of principals (nothing when it is empty). */
    private static void insert(DSLContext tx, long planId, List<PlanPrincipal> batch) {
        if (batch.isEmpty()) {
            return;
        }
        var insert = tx.insertInto(TUNER_PLAN_PRINCIPAL, TUNER_PLAN_PRINCIPAL.PLAN_ID, TUNER_PLAN_PRINCIPAL.PRINCIPAL_ARN,
                TUNER_PLAN_PRINCIPAL.PRINCIPAL_TYPE, TUNER_PLAN_PRINCIPAL.ELIGIBLE, TUNER_PLAN_PRINCIPAL.REASON,
                TUNER_PLAN_PRINCIPAL.GRANTED, TUNER_PLAN_PRINCIPAL.USED, TUNER_PLAN_PRINCIPAL.UNUSED, TUNER_PLAN_PRINCIPAL.UNKNOWN,
                TUNER_PLAN_PRINCIPAL.REMOVED, TUNER_PLAN_PRINCIPAL.PROOF_OK, TUNER_PLAN_PRINCIPAL.BEFORE_HASH,
                TUNER_PLAN_PRINCIPAL.DETAIL);
        for (PlanPrincipal p : batch) {
            insert = insert.values(planId, p.principalArn(), p.principalType(), p.eligible(), p.reason(), p.granted(), p.used(),
                    p.unused(), p.unknown(), p.removed(), p.proofOk(), p.beforeHash(), JSONB.valueOf(p.detail()));
        }
        insert.execute();
    }

    @Override
    public Optional<TunerPlan> find(long id) {
        return dsl.selectFrom(TUNER_PLAN).where(TUNER_PLAN.ID.eq(id)).fetchOptional(JooqTunerPlanStore::plan);
    }

    @Override
    public List<TunerPlan> list(Long accountId, int limit) {
        return dsl.selectFrom(TUNER_PLAN).where(accountId == null ? DSL.noCondition() : TUNER_PLAN.ACCOUNT_ID.eq(accountId))
                .orderBy(TUNER_PLAN.ID.desc()).limit(limit).fetch(JooqTunerPlanStore::plan);
    }

    @Override
    public Optional<TunerPlan> latest(long accountId) {
        return list(accountId, 1).stream().findFirst();
    }

    @Override
    public List<PlanPrincipal> principals(long planId) {
        return dsl.selectFrom(TUNER_PLAN_PRINCIPAL).where(TUNER_PLAN_PRINCIPAL.PLAN_ID.eq(planId))
                .orderBy(TUNER_PLAN_PRINCIPAL.REMOVED.desc(), TUNER_PLAN_PRINCIPAL.PRINCIPAL_ARN)
                .fetch(JooqTunerPlanStore::principal);
    }

    @Override
    public Optional<PlanPrincipal> principal(long planId, String principalArn) {
        return dsl.selectFrom(TUNER_PLAN_PRINCIPAL).where(TUNER_PLAN_PRINCIPAL.PLAN_ID.eq(planId)
                .and(TUNER_PLAN_PRINCIPAL.PRINCIPAL_ARN.eq(principalArn))).fetchOptional(JooqTunerPlanStore::principal);
    }

    @Override
    public boolean move(long id, PlanStatus from, PlanStatus to) {
        var update = dsl.update(TUNER_PLAN).set(TUNER_PLAN.STATUS, to.name());
        if (to == PlanStatus.APPLIED || to == PlanStatus.PARTIAL || to == PlanStatus.FAILED) {
            update = update.set(TUNER_PLAN.APPLIED_AT, Times.utc(Instant.now()));
        }
        return update.where(TUNER_PLAN.ID.eq(id).and(TUNER_PLAN.STATUS.eq(from.name()))).execute() == 1;
    }

    @Override
    public boolean schedule(long id, Instant applyAfter, String by, Instant at) {
        return dsl.update(TUNER_PLAN)
                .set(TUNER_PLAN.STATUS, PlanStatus.SCHEDULED.name())
                .set(TUNER_PLAN.APPLY_AFTER, Times.utc(applyAfter))
                .set(TUNER_PLAN.SCHEDULED_BY, by)
                .set(TUNER_PLAN.SCHEDULED_AT, Times.utc(at))
                .where(TUNER_PLAN.ID.eq(id).and(TUNER_PLAN.STATUS.eq(PlanStatus.PLANNED.name())))
                .execute() == 1;
    }

    @Override
    public boolean beginApply(long id, PlanStatus from, String by, Instant at) {
        return dsl.update(TUNER_PLAN)
                .set(TUNER_PLAN.STATUS, PlanStatus.APPLYING.name())
                .set(TUNER_PLAN.APPLIED_BY, by)
                .set(TUNER_PLAN.APPLIED_AT, Times.utc(at))
                .where(TUNER_PLAN.ID.eq(id).and(TUNER_PLAN.STATUS.eq(from.name())))
                .execute() == 1;
    }

    @Override
    public List<TunerPlan> due(Instant now, int limit) {
        return dsl.selectFrom(TUNER_PLAN).where(TUNER_PLAN.STATUS.eq(PlanStatus.SCHEDULED.name())
                        .and(TUNER_PLAN.APPLY_AFTER.le(Times.utc(now))))
                .orderBy(TUNER_PLAN.APPLY_AFTER).limit(limit).fetch(JooqTunerPlanStore::plan);
    }

    private static TunerPlan plan(TunerPlanRecord r) {
        return new TunerPlan(r.getId(), r.getAccountId(), PlanStatus.valueOf(r.getStatus()), r.getCreatedBy(),
                Times.instant(r.getCreatedAt()), r.getWindowDays(), r.getPrincipalFilter(), r.getEvidenceNote(),
                r.getCatalogSource(), Times.instant(r.getApplyAfter()), r.getScheduledBy(), Times.instant(r.getScheduledAt()),
                r.getAppliedBy(), Times.instant(r.getAppliedAt()), Json.parse(r.getSummary().data()));
    }

    private static PlanPrincipal principal(TunerPlanPrincipalRecord r) {
        return new PlanPrincipal(r.getPlanId(), r.getPrincipalArn(), r.getPrincipalType(), r.getEligible(), r.getReason(),
                r.getGranted(), r.getUsed(), r.getUnused(), r.getUnknown(), r.getRemoved(), r.getProofOk(),
                r.getBeforeHash(), r.getDetail().data());
    }
}
