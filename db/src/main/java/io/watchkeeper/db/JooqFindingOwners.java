package io.watchkeeper.db;

import static io.watchkeeper.db.jooq.Tables.FINDING;
import static io.watchkeeper.db.jooq.Tables.FINDING_EVENT;

import io.watchkeeper.core.finding.FindingOwners;
import io.watchkeeper.core.json.Json;
import java.util.Map;
import java.util.Objects;
import org.jooq.DSLContext;
import org.jooq.JSONB;

/** Assigns findings to owners; each change is a finding event. */
public final class JooqFindingOwners implements FindingOwners {

    private final DSLContext dsl;

    public JooqFindingOwners(DSLContext dsl) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
    }

    @Override
    public boolean assign(long findingId, String owner, String by) {
        return dsl.transactionResult(tx -> {
            int updated = tx.dsl().update(FINDING).set(FINDING.OWNER, owner).where(FINDING.ID.eq(findingId)).execute();
            if (updated == 1) {
                tx.dsl().insertInto(FINDING_EVENT)
                        .set(FINDING_EVENT.FINDING_ID, findingId)
                        .set(FINDING_EVENT.EVENT, "assigned")
                        .set(FINDING_EVENT.ACTOR, by)
                        .set(FINDING_EVENT.DETAILS, JSONB.valueOf(Json.write(Map.of("owner", owner == null ? "" : owner))))
                        .execute();
            }
            return updated == 1;
        });
    }
}
