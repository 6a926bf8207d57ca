package io.watchkeeper.web.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.watchkeeper.core.audit.AuditRecord;
import io.watchkeeper.web.security.Callers;
import io.watchkeeper.web.service.AuditTrail;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit log, newest first (admins; an admin limited to some accounts reads its own and its accounts' entries). */
@RestController
@RequestMapping("/api/v1/audit-log")
@Tag(name = "audit log")
public class AuditLogApi {

    private final AuditTrail log;

    public AuditLogApi(AuditTrail log) {
        this.log = log;
    }

    @GetMapping
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Audit log entries, newest first (for an admin limited to some accounts: its own and its accounts')")
    public ApiPage<AuditRecord> list(@RequestParam(required = false) String actor,
                                     @RequestParam(required = false) String action,
                                     @RequestParam(required = false) String target,
                                     @RequestParam(required = false) Integer limit,
                                     @RequestParam(required = false) String cursor) {
        int size = Cursors.limit(limit, 500);
        List<AuditRecord> page = log.list(actor, action, target, Cursors.id(cursor), size, Callers.current());
        return new ApiPage<>(page, page.size() == size ? Long.toString(page.getLast().id()) : null);
    }
}
