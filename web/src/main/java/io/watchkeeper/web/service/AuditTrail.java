package io.watchkeeper.web.service;

import io.watchkeeper.core.access.Role;
import io.watchkeeper.core.audit.AuditLogReader;
import io.watchkeeper.core.audit.AuditRecord;
import io.watchkeeper.web.security.Caller;
import java.util.List;

/**
 * Reading the audit log (admins). An admin of every account reads all of it; an admin limited to
 * some accounts reads the entries it made, the entries about itself and the entries tied to its
 * accounts ({@link io.watchkeeper.core.audit.AuditEntry#accountId()}) — not other people's user and
 * token administration, global settings or other accounts.
 */
@org.springframework.stereotype.Service
public class AuditTrail {

    private final AuditLogReader log;

    public AuditTrail(AuditLogReader log) {
        this.log = log;
    }

    /** A page of entries newest first, filtered like {@link AuditLogReader#list}, within what the caller may read. */
    public List<AuditRecord> list(String actor, String actionPrefix, String target, Long beforeId, int limit,
                                  Caller caller) {
        caller.require(Role.ADMIN);
        AuditLogReader.Visibility visibility = caller.unrestricted() ? null
                : new AuditLogReader.Visibility(caller.username(), caller.scope().accountIds());
        return log.list(actor, actionPrefix, target, beforeId, limit, visibility);
    }
}
