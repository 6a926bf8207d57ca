package io.watchkeeper.db;

import static io.watchkeeper.db.jooq.Tables.AUDIT_LOG;

import io.watchkeeper.core.audit.AuditEntry;
import io.watchkeeper.core.audit.AuditLog;
import io.watchkeeper.core.json.Json;
import java.util.Objects;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;
import tools.jackson.databind.JsonNode;

/**
 * The append-only audit log in PostgreSQL (a trigger refuses updates and deletes). An entry without
 * an account gets the one its target names, if any ({@code audit_target_account}, in SQL).
 */
public final class JooqAuditLog implements AuditLog {

    private final DSLContext dsl;

    public JooqAuditLog(DSLContext dsl) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
    }

    @Override
    public void record(AuditEntry entry) {
        dsl.insertInto(AUDIT_LOG)
                .set(AUDIT_LOG.ACTOR, entry.actor())
                .set(AUDIT_LOG.ACTION, entry.action())
                .set(AUDIT_LOG.TARGET, entry.target())
                .set(AUDIT_LOG.BEFORE, jsonb(entry.before()))
                .set(AUDIT_LOG.AFTER, jsonb(entry.after()))
                .set(AUDIT_LOG.ACCOUNT_ID, entry.accountId() != null ? DSL.val(entry.accountId())
                        : DSL.function("audit_target_account", Long.class, DSL.val(entry.target())))
                .execute();
    }

    static JSONB jsonb(JsonNode node) {
        return node == null ? null : JSONB.valueOf(Json.write(node));
    }
}
