package io.watchkeeper.web.schedule;

import io.watchkeeper.auditors.AuditEngine;
import io.watchkeeper.core.json.CanonicalJson;
import io.watchkeeper.db.JooqAppState;
import java.util.stream.Collectors;

/**
 * A full re-audit when the check catalogue changed (a new version with new or changed checks):
 * the catalogue's fingerprint is compared with the one last audited; run by one node at a time
 * as a scheduled task.
 */
public final class CatalogAudit {

    static final String KEY = "check-catalog-audited";
    private final AuditEngine engine;
    private final JooqAppState state;

    public CatalogAudit(AuditEngine engine, JooqAppState state) {
        this.engine = engine;
        this.state = state;
    }

    public String fingerprint() {
        return CanonicalJson.sha256(engine.checks().all().stream()
                .map(c -> c.id().id() + ":" + c.severity() + ":" + String.join(",", c.controls()) + ":"
                        + c.getClass().getName())
                .sorted()
                .collect(Collectors.joining("\n")));
    }

    /** Returns whether a full audit ran. */
    public boolean runIfCatalogChanged() {
        String current = fingerprint();
        if (state.get(KEY).filter(current::equals).isPresent()) {
            return false;
        }
        engine.auditAll("check-catalog", "job:auditor");
        state.put(KEY, current);
        return true;
    }

}
