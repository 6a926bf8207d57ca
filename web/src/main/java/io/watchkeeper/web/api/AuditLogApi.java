package io.watchkeeper.web.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.watchkeeper.core.audit.AuditLogReader;
import io.watchkeeper.core.audit.AuditRecord;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit log, newest first (admins only: it names every account and user). */
@RestController
@RequestMapping("/api/v1/audit-log")
@Tag(name = "audit log")
public class AuditLogApi {

    private final AuditLogReader log;

    public AuditLogApi(AuditLogReader log) {
        this.log = log;
    }

    @GetMapping
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Audit log entries, newest first")
    public ApiPage<AuditRecord> list(@RequestParam(required = false) String actor,
                                     @RequestParam(required = false) String action,
                                     @RequestParam(required = false) String target,
                                     @RequestParam(required = false) Integer limit,
                                     @RequestParam(required = false) String cursor) {
        int size = Cursors.limit(limit, 500);
        List<AuditRecord> page = log.list(actor, action, target, Cursors.id(cursor), size);
        return new ApiPage<>(page, page.size() == size ? Long.toString(page.getLast().id()) : null);
    }
}
