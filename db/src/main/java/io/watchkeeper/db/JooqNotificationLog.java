package io.watchkeeper.db;

import static io.watchkeeper.db.jooq.Tables.NOTIFICATION_LOG;

import io.watchkeeper.core.notify.NotificationLog;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Objects;
import org.jooq.DSLContext;

/** Notification claims in PostgreSQL: an insert that does nothing on conflict, so exactly one process sends. */
public final class JooqNotificationLog implements NotificationLog {

    private final DSLContext dsl;

    public JooqNotificationLog(DSLContext dsl) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
    }

    @Override
    public boolean claim(String kind, String key, Instant at) {
        return dsl.insertInto(NOTIFICATION_LOG)
                .set(NOTIFICATION_LOG.KIND, kind)
                .set(NOTIFICATION_LOG.KEY, key)
                .set(NOTIFICATION_LOG.CLAIMED_AT, at.atOffset(ZoneOffset.UTC))
                .onConflictDoNothing()
                .execute() == 1;
    }

    @Override
    public void release(String kind, String key) {
        dsl.deleteFrom(NOTIFICATION_LOG).where(NOTIFICATION_LOG.KIND.eq(kind).and(NOTIFICATION_LOG.KEY.eq(key))).execute();
    }
}
