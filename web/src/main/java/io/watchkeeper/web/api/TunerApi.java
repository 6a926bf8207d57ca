package io.watchkeeper.web.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.watchkeeper.core.model.InvalidInputException;
import io.watchkeeper.core.tuner.OptOut;
import io.watchkeeper.core.tuner.TunerChange;
import io.watchkeeper.core.tuner.TunerPlan;
import io.watchkeeper.core.tuner.TunerSetting;
import io.watchkeeper.iamtuner.lifecycle.TunerDefaults;
import io.watchkeeper.iamtuner.lifecycle.ChangeRunner;
import io.watchkeeper.iamtuner.lifecycle.EvidenceCollector;
import io.watchkeeper.web.security.Callers;
import io.watchkeeper.web.tuner.PlanReport;
import io.watchkeeper.web.tuner.TunerService;
import java.time.Instant;
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

/**
 * The IAM tuner: evidence, plans with their proof, scheduling, apply, rollback, opt-outs. Thin: roles,
 * accounts, validation and the audit log are in {@link TunerService}.
 */
@RestController
@RequestMapping("/api/v1/tuner")
@Tag(name = "tuner")
public class TunerApi {

    private final TunerService tuner;

    public TunerApi(TunerService tuner) {
        this.tuner = tuner;
    }

    /** Collect evidence for an account; {@code lastAccessed} defaults to true. */
    public record CollectRequest(String account, Boolean lastAccessed) {}

    /** Plan an account, or one principal of it; {@code windowDays} overrides the account's window. */
    public record PlanRequest(String account, String principalArn, Integer windowDays) {}

    /** Apply; {@code now} skips the notice period (and scheduling). */
    public record ApplyRequest(Boolean now) {}

    /** A reason. */
    public record ReasonRequest(String reason) {}

    /** An opt-out with its owner, reason and expiry. */
    public record OptOutRequest(String account, String principalArn, String owner, String reason, Instant until) {}

    @PostMapping("/evidence")
    @PreAuthorize("hasRole('JUSTIFIER')")
    @Operation(summary = "Read new CloudTrail log files (and IAM last-accessed data) of an account")
    public EvidenceCollector.Collected collect(@RequestBody CollectRequest request) {
        return tuner.collect(request.account(), !Boolean.FALSE.equals(request.lastAccessed()), Callers.current(), s -> {});
    }

    @GetMapping("/plans")
    @PreAuthorize("hasRole('VIEWER')")
    @Operation(summary = "Plans of the caller's accounts, newest first")
    public List<TunerPlan> plans(@RequestParam(required = false) String account, @RequestParam(required = false) Integer limit) {
        return tuner.plans(account, Cursors.limit(limit, 500), Callers.current());
    }

    @PostMapping("/plans")
    @PreAuthorize("hasRole('JUSTIFIER')")
    @Operation(summary = "Plan what to remove", description = "Nothing is changed in IAM: the plan lists per principal the "
            + "actions removed, kept, used and unknown, with the proof that the new policies allow nothing new.")
    public PlanReport plan(@RequestBody PlanRequest request) {
        return PlanReport.of(tuner.plan(request.account(), request.principalArn(), request.windowDays(), Callers.current(), s -> {}));
    }

    @GetMapping("/plans/{id}")
    @PreAuthorize("hasRole('VIEWER')")
    @Operation(summary = "One plan with every principal's decisions, removals, proof and changes")
    public PlanReport show(@PathVariable long id) {
        return PlanReport.of(tuner.show(id, Callers.current()));
    }

    @PostMapping("/plans/{id}/schedule")
    @PreAuthorize("hasRole('JUSTIFIER')")
    @Operation(summary = "Schedule a plan; it may be applied after the account's notice period",
            description = "The owners of the principals it changes are told (e-mail and/or webhook); the answer lists each "
                    + "notice: SENT, FAILED, or NO_OWNER / NO_CONTACT for principals nobody could be told about.")
    public TunerService.Scheduled schedule(@PathVariable long id) {
        return tuner.schedule(id, Callers.current());
    }

    @PostMapping("/plans/{id}/apply")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Apply a plan", description = "A scheduled plan after its notice period, or any planned one with "
            + "now=true. Each principal is re-checked (unchanged since planning, removed actions unused since, proof holds).")
    public ChangeRunner.Applied apply(@PathVariable long id, @RequestBody(required = false) ApplyRequest request) {
        return tuner.apply(id, request != null && Boolean.TRUE.equals(request.now()), Callers.current(), s -> {});
    }

    @GetMapping("/changes")
    @PreAuthorize("hasRole('VIEWER')")
    @Operation(summary = "Applied changes of the caller's accounts, newest first")
    public List<TunerChange> changes(@RequestParam(required = false) String account, @RequestParam(required = false) Integer limit) {
        return tuner.changes(account, Cursors.limit(limit, 500), Callers.current());
    }

    @GetMapping("/changes/{id}")
    @PreAuthorize("hasRole('VIEWER')")
    @Operation(summary = "One change with its exact before and after documents")
    public TunerChange change(@PathVariable long id) {
        return tuner.change(id, Callers.current());
    }

    @PostMapping("/changes/{id}/rollback")
    @PreAuthorize("hasRole('JUSTIFIER')")
    @Operation(summary = "Restore a change's previous documents exactly")
    public TunerChange rollback(@PathVariable long id, @RequestBody(required = false) ReasonRequest request) {
        return tuner.rollback(id, request == null ? null : request.reason(), Callers.current());
    }

    /** Settings of an account (or a principal's window); null values keep what is set. */
    public record SettingsRequest(String account, String principalArn, Integer windowDays, Integer noticeDays,
                                  Boolean autoApply, Boolean autoRestore) {}

    @GetMapping("/settings")
    @PreAuthorize("hasRole('VIEWER')")
    @Operation(summary = "The settings in force for an account (defaults resolved)")
    public TunerDefaults.Effective settings(@RequestParam String account) {
        return tuner.effective(account, Callers.current());
    }

    @PutMapping("/settings")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Set an account's window, notice, automatic apply and restore (off by default), or a principal's window")
    public TunerSetting configure(@RequestBody SettingsRequest r) {
        return tuner.configure(r.account(), r.principalArn(), r.windowDays(), r.noticeDays(), r.autoApply(), r.autoRestore(),
                Callers.current());
    }

    @GetMapping("/opt-outs")
    @PreAuthorize("hasRole('VIEWER')")
    @Operation(summary = "Active opt-outs of the caller's accounts")
    public List<OptOut> optOuts(@RequestParam(required = false) String account) {
        return tuner.optOuts(account, Callers.current());
    }

    @PostMapping("/opt-outs")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Keep the tuner away from a principal until a date, with an owner and a reason")
    public OptOut optOut(@RequestBody OptOutRequest request) {
        if (request.account() == null) {
            throw new InvalidInputException("'account' is required");
        }
        return tuner.optOut(request.account(), request.principalArn(), request.owner(), request.reason(), request.until(),
                Callers.current());
    }
}
