package io.watchkeeper.db;

import static io.watchkeeper.db.jooq.Tables.TUNER_CHANGE;

import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.model.InvalidInputException;
import io.watchkeeper.core.tuner.ChangeStatus;
import io.watchkeeper.core.tuner.TunerChange;
import io.watchkeeper.core.tuner.TunerChangeStore;
import io.watchkeeper.db.jooq.tables.records.TunerChangeRecord;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;
import tools.jackson.databind.JsonNode;

/** Changes the tuner made, in PostgreSQL; one in flight per principal (a unique index says so). */
public final class JooqTunerChangeStore implements TunerChangeStore {

    private final DSLContext dsl;

    public JooqTunerChangeStore(DSLContext dsl) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
    }

    @Override
    public TunerChange create(TunerChange c) {
        try {
            return change(dsl.insertInto(TUNER_CHANGE)
                    .set(TUNER_CHANGE.PLAN_ID, c.planId())
                    .set(TUNER_CHANGE.ACCOUNT_ID, c.accountId())
                    .set(TUNER_CHANGE.PRINCIPAL_ARN, c.principalArn())
                    .set(TUNER_CHANGE.STATUS, c.status().name())
                    .set(TUNER_CHANGE.EDITS, JSONB.valueOf(Json.write(c.edits())))
                    .set(TUNER_CHANGE.REMOVED_ACTIONS, c.removedActions().toArray(String[]::new))
                    .set(TUNER_CHANGE.APPLIED_BY, c.appliedBy())
                    .set(TUNER_CHANGE.WATCH_UNTIL, Times.utc(c.watchUntil()))
                    .returning().fetchSingle());
        } catch (RuntimeException e) {
            if (Sql.isUniqueViolation(e)) {
                throw new InvalidInputException(c.principalArn() + " is being changed or rolled back already");
            }
            throw e;
        }
    }

    @Override
    public Optional<TunerChange> find(long id) {
        return dsl.selectFrom(TUNER_CHANGE).where(TUNER_CHANGE.ID.eq(id)).fetchOptional(JooqTunerChangeStore::change);
    }

    @Override
    public List<TunerChange> list(Long accountId, int limit) {
        return dsl.selectFrom(TUNER_CHANGE).where(accountId == null ? DSL.noCondition() : TUNER_CHANGE.ACCOUNT_ID.eq(accountId))
                .orderBy(TUNER_CHANGE.ID.desc()).limit(limit).fetch(JooqTunerChangeStore::change);
    }

    @Override
    public List<TunerChange> forPlan(long planId) {
        return dsl.selectFrom(TUNER_CHANGE).where(TUNER_CHANGE.PLAN_ID.eq(planId)).orderBy(TUNER_CHANGE.ID)
                .fetch(JooqTunerChangeStore::change);
    }

    @Override
    public boolean move(long id, ChangeStatus from, ChangeStatus to, String by, String reason, String error) {
        var update = dsl.update(TUNER_CHANGE).set(TUNER_CHANGE.STATUS, to.name()).set(TUNER_CHANGE.ERROR, error);
        if (to == ChangeStatus.ROLLING_BACK) {
            update = update.set(TUNER_CHANGE.ROLLED_BACK_BY, by).set(TUNER_CHANGE.ROLLBACK_REASON, reason);
        }
        if (to == ChangeStatus.ROLLED_BACK) {
            update = update.set(TUNER_CHANGE.ROLLED_BACK_AT, Times.utc(Instant.now()));
        }
        return update.where(TUNER_CHANGE.ID.eq(id).and(TUNER_CHANGE.STATUS.eq(from.name()))).execute() == 1;
    }

    @Override
    public void saveEdits(long id, JsonNode edits) {
        dsl.update(TUNER_CHANGE).set(TUNER_CHANGE.EDITS, JSONB.valueOf(Json.write(edits))).where(TUNER_CHANGE.ID.eq(id)).execute();
    }

    @Override
    public List<TunerChange> watched(Instant now) {
        return dsl.selectFrom(TUNER_CHANGE).where(TUNER_CHANGE.STATUS.eq(ChangeStatus.APPLIED.name())
                .and(TUNER_CHANGE.WATCH_UNTIL.gt(Times.utc(now)))).orderBy(TUNER_CHANGE.ID).fetch(JooqTunerChangeStore::change);
    }

    @Override
    public void recordDenied(long id, JsonNode denied, Instant alertedAt) {
        dsl.update(TUNER_CHANGE).set(TUNER_CHANGE.DENIED, JSONB.valueOf(Json.write(denied)))
                .set(TUNER_CHANGE.ALERTED_AT, Times.utc(alertedAt)).where(TUNER_CHANGE.ID.eq(id)).execute();
    }

    private static TunerChange change(TunerChangeRecord r) {
        return new TunerChange(r.getId(), r.getPlanId(), r.getAccountId(), r.getPrincipalArn(), ChangeStatus.valueOf(r.getStatus()),
                Json.parse(r.getEdits().data()), List.of(r.getRemovedActions()), r.getAppliedBy(), Times.instant(r.getAppliedAt()),
                Times.instant(r.getWatchUntil()), r.getDenied() == null ? null : Json.parse(r.getDenied().data()),
                Times.instant(r.getAlertedAt()), r.getRolledBackBy(), Times.instant(r.getRolledBackAt()), r.getRollbackReason(),
                r.getError());
    }
}
