package io.watchkeeper.db;

import static io.watchkeeper.db.jooq.Tables.APP_STATE;
import static org.jooq.impl.DSL.excluded;

import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;
import org.jooq.DSLContext;

/** Named values kept between runs. */
public final class JooqAppState {

    private final DSLContext dsl;

    public JooqAppState(DSLContext dsl) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
    }

    public Optional<String> get(String key) {
        return dsl.select(APP_STATE.VALUE).from(APP_STATE).where(APP_STATE.KEY.eq(key)).fetchOptional(r -> r.value1());
    }

    public void put(String key, String value) {
        dsl.insertInto(APP_STATE).set(APP_STATE.KEY, key).set(APP_STATE.VALUE, value)
                .onConflict(APP_STATE.KEY).doUpdate()
                .set(APP_STATE.VALUE, excluded(APP_STATE.VALUE)).set(APP_STATE.UPDATED_AT, OffsetDateTime.now())
                .execute();
    }
}
