package io.watchkeeper.db;

import static io.watchkeeper.db.jooq.Tables.CHANGE_ATTRIBUTION;

import io.watchkeeper.core.watch.ChangeAttributions;
import io.watchkeeper.core.json.CanonicalJson;
import io.watchkeeper.core.json.Json;
import java.time.Instant;
import java.util.Objects;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import tools.jackson.databind.JsonNode;

/** Expected changes by Watchkeeper itself, in PostgreSQL; {@link JooqSnapshotStore} uses them up. */
public final class JooqChangeAttributions implements ChangeAttributions {

    private final DSLContext dsl;

    public JooqChangeAttributions(DSLContext dsl) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
    }

    @Override
    public void expect(long accountId, String resourceType, String resourceId, String actor, Instant at, Instant until,
                       JsonNode expected) {
        dsl.insertInto(CHANGE_ATTRIBUTION)
                .set(CHANGE_ATTRIBUTION.ACCOUNT_ID, accountId)
                .set(CHANGE_ATTRIBUTION.RESOURCE_TYPE, resourceType)
                .set(CHANGE_ATTRIBUTION.RESOURCE_ID, resourceId)
                .set(CHANGE_ATTRIBUTION.ACTOR, actor)
                .set(CHANGE_ATTRIBUTION.RECORDED_AT, Times.utc(at))
                .set(CHANGE_ATTRIBUTION.EXPIRES_AT, Times.utc(until))
                .set(CHANGE_ATTRIBUTION.EXPECTED, expected == null ? null : JSONB.valueOf(Json.write(CanonicalJson.sorted(expected))))
                .execute();
    }
}
