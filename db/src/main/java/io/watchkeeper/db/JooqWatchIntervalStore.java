package io.watchkeeper.db;

import static io.watchkeeper.db.jooq.Tables.ACCOUNT;
import static io.watchkeeper.db.jooq.Tables.WATCH_INTERVAL;

import io.watchkeeper.core.model.InvalidInputException;
import io.watchkeeper.core.watch.WatchInterval;
import io.watchkeeper.core.watch.WatchIntervalStore;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import org.jooq.Condition;
import org.jooq.DSLContext;

/** Watch intervals in PostgreSQL. */
public final class JooqWatchIntervalStore implements WatchIntervalStore {

    private final DSLContext dsl;

    public JooqWatchIntervalStore(DSLContext dsl) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
    }

    @Override
    public List<WatchInterval> list() {
        return dsl.select(WATCH_INTERVAL.ACCOUNT_ID, ACCOUNT.NAME, WATCH_INTERVAL.RESOURCE_TYPE,
                        WATCH_INTERVAL.INTERVAL_MINUTES)
                .from(WATCH_INTERVAL)
                .leftJoin(ACCOUNT).on(ACCOUNT.ID.eq(WATCH_INTERVAL.ACCOUNT_ID))
                .orderBy(ACCOUNT.NAME.nullsFirst(), WATCH_INTERVAL.RESOURCE_TYPE.nullsFirst())
                .fetch(r -> new WatchInterval(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    @Override
    public void set(Long accountId, String type, int minutes) {
        if (minutes < 1 || minutes > 10080) {
            throw new InvalidInputException("interval must be between 1 and 10080 minutes (one week), got " + minutes);
        }
        dsl.insertInto(WATCH_INTERVAL)
                .set(WATCH_INTERVAL.ACCOUNT_ID, accountId)
                .set(WATCH_INTERVAL.RESOURCE_TYPE, type)
                .set(WATCH_INTERVAL.INTERVAL_MINUTES, minutes)
                .onConflict(WATCH_INTERVAL.ACCOUNT_ID, WATCH_INTERVAL.RESOURCE_TYPE)
                .doUpdate()
                .set(WATCH_INTERVAL.INTERVAL_MINUTES, minutes)
                .set(WATCH_INTERVAL.UPDATED_AT, OffsetDateTime.now())
                .execute();
    }

    @Override
    public boolean clear(Long accountId, String type) {
        return dsl.deleteFrom(WATCH_INTERVAL).where(matches(accountId, type)).execute() > 0;
    }

    private static Condition matches(Long accountId, String type) {
        return (accountId == null ? WATCH_INTERVAL.ACCOUNT_ID.isNull() : WATCH_INTERVAL.ACCOUNT_ID.eq(accountId))
                .and(type == null ? WATCH_INTERVAL.RESOURCE_TYPE.isNull() : WATCH_INTERVAL.RESOURCE_TYPE.eq(type));
    }
}
