package io.watchkeeper.db;

import static io.watchkeeper.db.jooq.Tables.SCOPE_LEASE;
import static org.jooq.impl.DSL.currentOffsetDateTime;
import static org.jooq.impl.DSL.excluded;

import io.watchkeeper.core.watch.ScopeLeases;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import org.jooq.DSLContext;

/**
 * Scope leases as rows: an insert that takes over only expired leases or the holder's own, so
 * exactly one process holds a scope at a time across nodes.
 */
public final class JooqScopeLeases implements ScopeLeases {

    private final DSLContext dsl;

    public JooqScopeLeases(DSLContext dsl) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
    }

    @Override
    public boolean tryAcquire(String key, String holder, Duration ttl) {
        OffsetDateTime expires = OffsetDateTime.now(ZoneOffset.UTC).plus(ttl);
        return dsl.insertInto(SCOPE_LEASE)
                .set(SCOPE_LEASE.SCOPE_KEY, key)
                .set(SCOPE_LEASE.HOLDER, holder)
                .set(SCOPE_LEASE.EXPIRES_AT, expires)
                .onConflict(SCOPE_LEASE.SCOPE_KEY)
                .doUpdate()
                .set(SCOPE_LEASE.HOLDER, excluded(SCOPE_LEASE.HOLDER))
                .set(SCOPE_LEASE.EXPIRES_AT, excluded(SCOPE_LEASE.EXPIRES_AT))
                .where(SCOPE_LEASE.EXPIRES_AT.lt(currentOffsetDateTime()).or(SCOPE_LEASE.HOLDER.eq(holder)))
                .execute() == 1;
    }

    @Override
    public void release(String key, String holder) {
        dsl.deleteFrom(SCOPE_LEASE)
                .where(SCOPE_LEASE.SCOPE_KEY.eq(key).and(SCOPE_LEASE.HOLDER.eq(holder)))
                .execute();
    }
}
