package io.watchkeeper.db;

import static io.watchkeeper.db.jooq.Tables.TUNER_NOTICE;

import io.watchkeeper.core.tuner.TunerNotice;
import io.watchkeeper.core.tuner.TunerNoticeStore;
import io.watchkeeper.db.jooq.tables.records.TunerNoticeRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jooq.DSLContext;

/** Owner notices of scheduled tuner plans, in PostgreSQL. */
public final class JooqTunerNoticeStore implements TunerNoticeStore {

    private final DSLContext dsl;

    public JooqTunerNoticeStore(DSLContext dsl) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
    }

    @Override
    public List<TunerNotice> add(List<TunerNotice> notices) {
        List<TunerNotice> out = new ArrayList<>();
        for (TunerNotice n : notices) {
            out.add(notice(dsl.insertInto(TUNER_NOTICE)
                    .set(TUNER_NOTICE.PLAN_ID, n.planId())
                    .set(TUNER_NOTICE.OWNER, n.owner())
                    .set(TUNER_NOTICE.CHANNEL, n.channel().name())
                    .set(TUNER_NOTICE.RECIPIENT, n.recipient())
                    .set(TUNER_NOTICE.PRINCIPALS, n.principals().toArray(String[]::new))
                    .set(TUNER_NOTICE.STATUS, n.status().name())
                    .set(TUNER_NOTICE.DETAIL, n.detail())
                    .set(TUNER_NOTICE.CREATED_AT, Times.utc(n.createdAt()))
                    .set(TUNER_NOTICE.SETTLED_AT, Times.utc(n.settledAt()))
                    .returning().fetchSingle()));
        }
        return out;
    }

    @Override
    public void settle(long id, TunerNotice.Status status, String detail, Instant at) {
        dsl.update(TUNER_NOTICE).set(TUNER_NOTICE.STATUS, status.name()).set(TUNER_NOTICE.DETAIL, detail)
                .set(TUNER_NOTICE.SETTLED_AT, Times.utc(at)).where(TUNER_NOTICE.ID.eq(id)).execute();
    }

    @Override
    public List<TunerNotice> forPlan(long planId) {
        return dsl.selectFrom(TUNER_NOTICE).where(TUNER_NOTICE.PLAN_ID.eq(planId)).orderBy(TUNER_NOTICE.ID)
                .fetch(JooqTunerNoticeStore::notice);
    }

    private static TunerNotice notice(TunerNoticeRecord r) {
        return new TunerNotice(r.getId(), r.getPlanId(), r.getOwner(), TunerNotice.Channel.valueOf(r.getChannel()),
                r.getRecipient(), List.of(r.getPrincipals()), TunerNotice.Status.valueOf(r.getStatus()), r.getDetail(),
                Times.instant(r.getCreatedAt()), Times.instant(r.getSettledAt()));
    }
}
