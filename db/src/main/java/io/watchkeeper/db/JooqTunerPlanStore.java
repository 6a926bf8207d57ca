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
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;

/** Tuning plans and their principals in PostgreSQL; status moves are compare-and-set. */
public final class JooqTunerPlanStore implements TunerPlanStore {

    private final DSLContext dsl;

    public JooqTunerPlanStore(DSLContext dsl) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
    }

    @Override
    public TunerPlan create(TunerPlan plan, List<PlanPrincipal> principals) {
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
            for (PlanPrincipal p : principals) {
                tx.insertInto(TUNER_PLAN_PRINCIPAL)
                        .set(TUNER_PLAN_PRINCIPAL.PLAN_ID, r.getId())
                        .set(TUNER_PLAN_PRINCIPAL.PRINCIPAL_ARN, p.principalArn())
                        .set(TUNER_PLAN_PRINCIPAL.PRINCIPAL_TYPE, p.principalType())
                        .set(TUNER_PLAN_PRINCIPAL.ELIGIBLE, p.eligible())
                        .set(TUNER_PLAN_PRINCIPAL.REASON, p.reason())
                        .set(TUNER_PLAN_PRINCIPAL.GRANTED, p.granted())
                        .set(TUNER_PLAN_PRINCIPAL.USED, p.used())
                        .set(TUNER_PLAN_PRINCIPAL.UNUSED, p.unused())
                        .set(TUNER_PLAN_PRINCIPAL.UNKNOWN, p.unknown())
                        .set(TUNER_PLAN_PRINCIPAL.REMOVED, p.removed())
                        .set(TUNER_PLAN_PRINCIPAL.PROOF_OK, p.proofOk())
                        .set(TUNER_PLAN_PRINCIPAL.BEFORE_HASH, p.beforeHash())
                        .set(TUNER_PLAN_PRINCIPAL.DETAIL, JSONB.valueOf(Json.write(p.detail())))
                        .execute();
            }
            return plan(r);
        });
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
                r.getBeforeHash(), Json.parse(r.getDetail().data()));
    }
}
