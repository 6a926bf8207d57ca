package io.watchkeeper.db;

import static io.watchkeeper.db.jooq.Tables.AUDIT_LOG;

import io.watchkeeper.core.audit.AuditLogReader;
import io.watchkeeper.core.audit.AuditRecord;
import io.watchkeeper.core.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;
import tools.jackson.databind.JsonNode;

/** Reads the audit log newest first with keyset pages. */
public final class JooqAuditLogReader implements AuditLogReader {

    private final DSLContext dsl;

    public JooqAuditLogReader(DSLContext dsl) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
    }

    @Override
    public List<AuditRecord> list(String actor, String actionPrefix, String target, Long beforeId, int limit,
                                  Visibility visibility) {
        List<Condition> where = new ArrayList<>();
        if (actor != null && !actor.isBlank()) {
            where.add(AUDIT_LOG.ACTOR.eq(actor.strip()));
        }
        if (actionPrefix != null && !actionPrefix.isBlank()) {
            where.add(AUDIT_LOG.ACTION.startsWith(actionPrefix.strip()));
        }
        if (target != null && !target.isBlank()) {
            where.add(AUDIT_LOG.TARGET.containsIgnoreCase(target.strip()));
        }
        if (beforeId != null) {
            where.add(AUDIT_LOG.ID.lt(beforeId));
        }
        if (visibility != null) {
            where.add(DSL.or(
                    AUDIT_LOG.ACTOR.eq(visibility.username()),
                    AUDIT_LOG.ACTOR.startsWith(visibility.username() + " (token "),
                    AUDIT_LOG.TARGET.eq("user:" + visibility.username()),
                    visibility.accountIds().isEmpty() ? DSL.falseCondition()
                            : AUDIT_LOG.ACCOUNT_ID.in(visibility.accountIds())));
        }
        return dsl.selectFrom(AUDIT_LOG).where(where).orderBy(AUDIT_LOG.ID.desc())
                .limit(Math.max(1, Math.min(limit, 500)))
                .fetch(r -> new AuditRecord(r.getId(), r.getAt(), r.getActor(), r.getAction(), r.getTarget(),
                        node(r.getBefore()), node(r.getAfter()), r.getAccountId()));
    }

    private static JsonNode node(JSONB value) {
        return value == null ? null : Json.parse(value.data());
    }
}
