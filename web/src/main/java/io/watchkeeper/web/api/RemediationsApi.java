package io.watchkeeper.web.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.watchkeeper.core.access.Role;
import io.watchkeeper.core.audit.AuditEntry;
import io.watchkeeper.core.audit.AuditLog;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.model.InvalidInputException;
import io.watchkeeper.core.remediation.RemediationMode;
import io.watchkeeper.core.remediation.RemediationStatus;
import io.watchkeeper.core.remediation.RemediationView;
import io.watchkeeper.web.remediation.RemediationService;
import io.watchkeeper.web.security.Caller;
import io.watchkeeper.web.security.Callers;
import io.watchkeeper.web.service.Triage;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The remediation queue: plan, approve, apply, reject, roll back; modes per remediation and account. */
@RestController
@RequestMapping("/api/v1/remediations")
@Tag(name = "remediations")
public class RemediationsApi {

    private final RemediationService remediations;
    private final Triage triage;
    private final AuditLog audit;

    public RemediationsApi(RemediationService remediations, Triage triage, AuditLog audit) {
        this.remediations = remediations;
        this.triage = triage;
        this.audit = audit;
    }

    /** Plan a fix for a finding (the remediation id is optional). */
    public record PlanRequest(Long findingId, String remediationId) {}

    /** A reason. */
    public record ReasonRequest(String reason) {}

    /** A mode for one remediation, for every account or one. */
    public record ModeRequest(String remediationId, Long accountId, RemediationMode mode) {}

    @GetMapping
    @PreAuthorize("hasRole('VIEWER')")
    @Operation(summary = "The queue, newest first")
    public List<RemediationView> list(@RequestParam(required = false) RemediationStatus status,
                                      @RequestParam(required = false) Integer limit) {
        Caller caller = Callers.current();
        return remediations.store().list(status, Cursors.limit(limit, 500)).stream()
                .filter(r -> caller.scope().allows(r.accountId())).toList();
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasRole('VIEWER')")
    @Operation(summary = "One remediation with its plan and rollback plan")
    public RemediationView get(@PathVariable long id) {
        return visible(id, Callers.current());
    }

    @PostMapping
    @PreAuthorize("hasRole('COMMENTER')")
    @Operation(summary = "Plan a remediation", description = "Dry-run by default: nothing is changed until approved and applied.")
    public RemediationView plan(@RequestBody PlanRequest request) {
        Caller caller = Callers.current();
        if (request.findingId() == null) {
            throw new InvalidInputException("'findingId' is required");
        }
        triage.visible(request.findingId(), caller).orElseThrow(Caller.NotVisibleException::new);
        return remediations.plan(Long.toString(request.findingId()), ItemsApi.blank(request.remediationId()), caller.actor());
    }

    @PostMapping("/{id}/approve")
    @PreAuthorize("hasRole('JUSTIFIER')")
    @Operation(summary = "Approve a plan")
    public RemediationView approve(@PathVariable long id) {
        Caller caller = Callers.current();
        visible(id, caller);
        return remediations.approve(id, caller.actor());
    }

    @PostMapping("/{id}/apply")
    @PreAuthorize("hasRole('JUSTIFIER')")
    @Operation(summary = "Apply an approved plan, then verify it by re-watching the resource")
    public RemediationView apply(@PathVariable long id) {
        Caller caller = Callers.current();
        visible(id, caller);
        return remediations.apply(id, caller.actor());
    }

    @PostMapping("/{id}/reject")
    @PreAuthorize("hasRole('JUSTIFIER')")
    @Operation(summary = "Reject a plan")
    public RemediationView reject(@PathVariable long id, @RequestBody ReasonRequest request) {
        Caller caller = Callers.current();
        visible(id, caller);
        if (request.reason() == null || request.reason().isBlank()) {
            throw new InvalidInputException("a reason is required");
        }
        return remediations.reject(id, caller.actor(), request.reason().strip());
    }

    @PostMapping("/{id}/rollback")
    @PreAuthorize("hasRole('JUSTIFIER')")
    @Operation(summary = "Roll back an applied remediation to the configuration before it")
    public RemediationView rollback(@PathVariable long id) {
        Caller caller = Callers.current();
        visible(id, caller);
        return remediations.rollback(id, caller.actor());
    }

    @PutMapping("/modes")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Set a remediation's mode (dry-run, approval, automatic)")
    public void mode(@RequestBody ModeRequest request) {
        Caller caller = Callers.current();
        caller.require(Role.ADMIN);
        if (request.remediationId() == null || request.mode() == null) {
            throw new InvalidInputException("'remediationId' and 'mode' are required");
        }
        remediations.registry().require(request.remediationId());
        remediations.store().setMode(request.remediationId(), request.accountId(), request.mode(), caller.actor());
        audit.record(new AuditEntry(caller.actor(), "remediation.mode", "remediation:" + request.remediationId()
                + (request.accountId() == null ? "" : "@" + request.accountId()), null,
                Json.tree(java.util.Map.of("mode", request.mode().name()))));
    }

    private RemediationView visible(long id, Caller caller) {
        RemediationView r = remediations.store().find(id).orElseThrow(Caller.NotVisibleException::new);
        caller.requireAccount(r.accountId());
        return r;
    }
}
