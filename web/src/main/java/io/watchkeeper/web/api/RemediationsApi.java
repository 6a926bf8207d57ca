package io.watchkeeper.web.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.watchkeeper.core.model.InvalidInputException;
import io.watchkeeper.core.remediation.RemediationMode;
import io.watchkeeper.core.remediation.RemediationStatus;
import io.watchkeeper.core.remediation.RemediationStore.ModeSetting;
import io.watchkeeper.core.remediation.RemediationView;
import io.watchkeeper.web.remediation.RemediationRefusedException;
import io.watchkeeper.web.remediation.RemediationService;
import io.watchkeeper.web.remediation.RemediationSettings;
import io.watchkeeper.web.security.Callers;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The remediation queue: plan, approve, apply, reject, roll back; modes per remediation and account.
 * Thin: every rule (roles, accounts, four eyes, guard rails) and every audit entry is in the services.
 */
@RestController
@RequestMapping("/api/v1/remediations")
@Tag(name = "remediations")
public class RemediationsApi {

    private final RemediationService remediations;
    private final RemediationSettings settings;

    public RemediationsApi(RemediationService remediations, RemediationSettings settings) {
        this.remediations = remediations;
        this.settings = settings;
    }

    /** Plan a fix for a finding (the remediation id is optional). */
    public record PlanRequest(Long findingId, String remediationId) {}

    /** A reason. */
    public record ReasonRequest(String reason) {}

    /** Roll back; {@code force} (admins, with a reason) even when the resource changed since the apply. */
    public record RollbackRequest(Boolean force, String reason) {}

    /** A mode for one remediation, for every account ({@code accountId} null) or one. */
    public record ModeRequest(String remediationId, Long accountId, RemediationMode mode) {}

    @GetMapping
    @PreAuthorize("hasRole('VIEWER')")
    @Operation(summary = "The queue, newest first")
    public List<RemediationView> list(@RequestParam(required = false) RemediationStatus status,
                                      @RequestParam(required = false) Integer limit) {
        return remediations.list(status, Cursors.limit(limit, 500), Callers.current());
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasRole('VIEWER')")
    @Operation(summary = "One remediation with its plan and rollback plan")
    public RemediationView get(@PathVariable long id) {
        return remediations.get(id, Callers.current());
    }

    @PostMapping
    @PreAuthorize("hasRole('COMMENTER')")
    @Operation(summary = "Plan a remediation", description = "Dry-run by default: nothing is changed until approved and "
            + "applied. A plan of the same finding that is not approved yet is superseded.")
    public RemediationView plan(@RequestBody PlanRequest request) {
        if (request.findingId() == null) {
            throw new InvalidInputException("'findingId' is required");
        }
        return remediations.plan(Long.toString(request.findingId()), ItemsApi.blank(request.remediationId()),
                Callers.current());
    }

    @PostMapping("/{id}/approve")
    @PreAuthorize("hasRole('JUSTIFIER')")
    @Operation(summary = "Approve a plan (not by the person who planned it, unless the mode is automatic)")
    public RemediationView approve(@PathVariable long id) {
        return remediations.approve(id, Callers.current());
    }

    @PostMapping("/{id}/apply")
    @PreAuthorize("hasRole('JUSTIFIER')")
    @Operation(summary = "Apply an approved plan, then verify it by re-watching the resource")
    public RemediationView apply(@PathVariable long id) {
        return remediations.apply(id, Callers.current());
    }

    @PostMapping("/{id}/reject")
    @PreAuthorize("hasRole('JUSTIFIER')")
    @Operation(summary = "Reject a plan")
    public RemediationView reject(@PathVariable long id, @RequestBody ReasonRequest request) {
        return remediations.reject(id, request.reason(), Callers.current());
    }

    @PostMapping("/{id}/rollback")
    @PreAuthorize("hasRole('JUSTIFIER')")
    @Operation(summary = "Roll back an applied remediation to the configuration before it",
            description = "Refused when the resource changed since the apply, unless an admin forces it with a reason.")
    public RemediationView rollback(@PathVariable long id, @RequestBody(required = false) RollbackRequest request) {
        boolean force = request != null && Boolean.TRUE.equals(request.force());
        return remediations.rollback(id, force, request == null ? null : request.reason(), Callers.current());
    }

    @GetMapping("/modes")
    @PreAuthorize("hasRole('VIEWER')")
    @Operation(summary = "The configured modes of the caller's accounts and the global ones")
    public List<ModeSetting> modes() {
        return settings.modes(Callers.current());
    }

    @PutMapping("/modes")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Set a remediation's mode (dry-run, approval, automatic) for one account or, for an admin of "
            + "every account, for every account")
    public ModeSetting mode(@RequestBody ModeRequest request) {
        return settings.setMode(request.remediationId(), request.accountId(), request.mode(), Callers.current());
    }

    @ExceptionHandler(RemediationRefusedException.class)
    ProblemDetail refused(RemediationRefusedException e) {
        return e.rule() == RemediationRefusedException.Rule.FOUR_EYES
                ? ApiErrors.problem(HttpStatus.FORBIDDEN, "Four eyes", e.getMessage())
                : ApiErrors.problem(HttpStatus.CONFLICT, "Refused by a guard rail", e.getMessage());
    }
}
