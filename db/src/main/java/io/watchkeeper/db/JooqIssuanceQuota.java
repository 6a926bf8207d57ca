package io.watchkeeper.db;

import static io.watchkeeper.db.jooq.Tables.CERTIFICATE_ISSUANCE_QUOTA;

import io.watchkeeper.core.cert.IssuanceQuota;
import java.time.Instant;
import java.util.Objects;
import org.jooq.DSLContext;

/**
 * The per-user hourly issuance counter: one {@code INSERT … ON CONFLICT DO UPDATE … WHERE issued <
 * limit} per issuance, so the count can never pass the limit whatever runs in parallel, on any node.
 */
public final class JooqIssuanceQuota implements IssuanceQuota {

    private final DSLContext dsl;

    public JooqIssuanceQuota(DSLContext dsl) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
    }

    @Override
    public boolean tryTake(String user, Instant hour, int limit) {
        if (limit <= 0) {
            return false;
        }
        var q = CERTIFICATE_ISSUANCE_QUOTA;
        return dsl.insertInto(q).set(q.USERNAME, user).set(q.HOUR, Times.utc(hour)).set(q.ISSUED, 1)
                .onConflict(q.USERNAME, q.HOUR)
                .doUpdate().set(q.ISSUED, q.ISSUED.plus(1))
                .where(q.ISSUED.lt(limit))
                .execute() == 1;
    }

    @Override
    public void giveBack(String user, Instant hour) {
        var q = CERTIFICATE_ISSUANCE_QUOTA;
        dsl.update(q).set(q.ISSUED, q.ISSUED.minus(1))
                .where(q.USERNAME.eq(user), q.HOUR.eq(Times.utc(hour)), q.ISSUED.gt(0)).execute();
    }

    @Override
    public int used(String user, Instant hour) {
        var q = CERTIFICATE_ISSUANCE_QUOTA;
        return dsl.select(q.ISSUED).from(q).where(q.USERNAME.eq(user), q.HOUR.eq(Times.utc(hour)))
                .fetchOptional(q.ISSUED).orElse(0);
    }
}
