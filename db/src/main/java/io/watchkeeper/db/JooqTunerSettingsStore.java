package io.watchkeeper.db;

import static io.watchkeeper.db.jooq.Tables.TUNER_OPT_OUT;
import static io.watchkeeper.db.jooq.Tables.TUNER_SETTING;
import static org.jooq.impl.DSL.excluded;

import io.watchkeeper.core.tuner.OptOut;
import io.watchkeeper.core.tuner.TunerSetting;
import io.watchkeeper.core.tuner.TunerSettingsStore;
import io.watchkeeper.db.jooq.tables.records.TunerOptOutRecord;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Tuner settings and opt-outs in PostgreSQL. */
public final class JooqTunerSettingsStore implements TunerSettingsStore {

    private final DSLContext dsl;

    public JooqTunerSettingsStore(DSLContext dsl) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
    }

    @Override
    public List<TunerSetting> settings(long accountId) {
        return dsl.selectFrom(TUNER_SETTING).where(TUNER_SETTING.ACCOUNT_ID.eq(accountId))
                .orderBy(TUNER_SETTING.PRINCIPAL_ARN.nullsFirst())
                .fetch(r -> new TunerSetting(r.getAccountId(), r.getPrincipalArn(), r.getWindowDays(), r.getAutoApply(),
                        r.getAutoRestore(), r.getNoticeDays()));
    }

    @Override
    public void save(TunerSetting s, String by) {
        dsl.insertInto(TUNER_SETTING)
                .set(TUNER_SETTING.ACCOUNT_ID, s.accountId())
                .set(TUNER_SETTING.PRINCIPAL_ARN, s.principalArn())
                .set(TUNER_SETTING.WINDOW_DAYS, s.windowDays())
                .set(TUNER_SETTING.AUTO_APPLY, s.autoApply())
                .set(TUNER_SETTING.AUTO_RESTORE, s.autoRestore())
                .set(TUNER_SETTING.NOTICE_DAYS, s.noticeDays())
                .set(TUNER_SETTING.UPDATED_BY, by)
                .onConflict(TUNER_SETTING.ACCOUNT_ID, TUNER_SETTING.PRINCIPAL_ARN).doUpdate()
                .set(TUNER_SETTING.WINDOW_DAYS, excluded(TUNER_SETTING.WINDOW_DAYS))
                .set(TUNER_SETTING.AUTO_APPLY, excluded(TUNER_SETTING.AUTO_APPLY))
                .set(TUNER_SETTING.AUTO_RESTORE, excluded(TUNER_SETTING.AUTO_RESTORE))
                .set(TUNER_SETTING.NOTICE_DAYS, excluded(TUNER_SETTING.NOTICE_DAYS))
                .set(TUNER_SETTING.UPDATED_BY, excluded(TUNER_SETTING.UPDATED_BY))
                .set(TUNER_SETTING.UPDATED_AT, DSL.currentOffsetDateTime())
                .execute();
    }

    @Override
    public OptOut addOptOut(long accountId, String principalArn, String owner, String reason, Instant until, String by) {
        return dsl.transactionResult(cfg -> {
            DSLContext tx = DSL.using(cfg);
            tx.update(TUNER_OPT_OUT).set(TUNER_OPT_OUT.REMOVED_AT, DSL.currentOffsetDateTime()).set(TUNER_OPT_OUT.REMOVED_BY, by)
                    .where(TUNER_OPT_OUT.ACCOUNT_ID.eq(accountId).and(TUNER_OPT_OUT.PRINCIPAL_ARN.eq(principalArn))
                            .and(TUNER_OPT_OUT.REMOVED_AT.isNull())).execute();
            return optOut(tx.insertInto(TUNER_OPT_OUT)
                    .set(TUNER_OPT_OUT.ACCOUNT_ID, accountId)
                    .set(TUNER_OPT_OUT.PRINCIPAL_ARN, principalArn)
                    .set(TUNER_OPT_OUT.OWNER, owner)
                    .set(TUNER_OPT_OUT.REASON, reason)
                    .set(TUNER_OPT_OUT.UNTIL, Times.utc(until))
                    .set(TUNER_OPT_OUT.CREATED_BY, by)
                    .returning().fetchSingle());
        });
    }

    @Override
    public Optional<OptOut> optOut(long id) {
        return dsl.selectFrom(TUNER_OPT_OUT).where(TUNER_OPT_OUT.ID.eq(id).and(TUNER_OPT_OUT.REMOVED_AT.isNull()))
                .fetchOptional(JooqTunerSettingsStore::optOut);
    }

    @Override
    public boolean removeOptOut(long id, String by) {
        return dsl.update(TUNER_OPT_OUT).set(TUNER_OPT_OUT.REMOVED_AT, DSL.currentOffsetDateTime()).set(TUNER_OPT_OUT.REMOVED_BY, by)
                .where(TUNER_OPT_OUT.ID.eq(id).and(TUNER_OPT_OUT.REMOVED_AT.isNull())).execute() == 1;
    }

    @Override
    public List<OptOut> optOuts(Long accountId, boolean withExpired, Instant now) {
        return dsl.selectFrom(TUNER_OPT_OUT)
                .where(TUNER_OPT_OUT.REMOVED_AT.isNull())
                .and(accountId == null ? DSL.noCondition() : TUNER_OPT_OUT.ACCOUNT_ID.eq(accountId))
                .and(withExpired ? DSL.noCondition() : TUNER_OPT_OUT.UNTIL.gt(Times.utc(now)))
                .orderBy(TUNER_OPT_OUT.ID.desc())
                .fetch(JooqTunerSettingsStore::optOut);
    }

    private static OptOut optOut(TunerOptOutRecord r) {
        return new OptOut(r.getId(), r.getAccountId(), r.getPrincipalArn(), r.getOwner(), r.getReason(),
                Times.instant(r.getUntil()), r.getCreatedBy(), Times.instant(r.getCreatedAt()));
    }
}
