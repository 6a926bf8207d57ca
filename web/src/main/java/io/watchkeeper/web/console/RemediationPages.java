package io.watchkeeper.web.console;

import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.remediation.RemediationMode;
import io.watchkeeper.core.remediation.RemediationStatus;
import io.watchkeeper.web.remediation.RemediationService;
import io.watchkeeper.web.security.Callers;
import io.watchkeeper.web.service.AccountAdmin;
import io.watchkeeper.core.remediation.RemediationView;
import io.watchkeeper.web.api.RemediationsApi;
import io.watchkeeper.web.service.Dashboard;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The remediation queue: each plan shown exactly; approve, apply, reject, roll back. */
@Controller
public class RemediationPages {

    private final RemediationsApi api;
    private final Dashboard dashboard;
    private final RemediationService remediations;
    private final AccountAdmin accounts;

    public RemediationPages(RemediationsApi api, Dashboard dashboard, RemediationService remediations,
                            AccountAdmin accounts) {
        this.api = api;
        this.dashboard = dashboard;
        this.remediations = remediations;
        this.accounts = accounts;
    }

    /** A queue row with its plan pretty-printed. */
    public record Row(RemediationView r, String plan, String rollback) {}

    @GetMapping("/remediations")
    @PreAuthorize("hasRole('VIEWER')")
    String queue(@RequestParam(required = false) RemediationStatus status, Model model) {
        List<Row> rows = api.list(status, 200).stream()
                .map(r -> new Row(r, Json.pretty(r.plan()), r.rollbackPlan() == null ? null : Json.pretty(r.rollbackPlan())))
                .toList();
        model.addAttribute("rows", rows);
        model.addAttribute("statuses", RemediationStatus.values());
        model.addAttribute("status", status);
        model.addAttribute("remediationIds", remediations.registry().all().stream().map(r -> r.id()).sorted().toList());
        model.addAttribute("modes", remediations.store().modes());
        model.addAttribute("modeValues", RemediationMode.values());
        model.addAttribute("accounts", accounts.list(Callers.current()));
        return "remediations";
    }

    @PostMapping("/remediations")
    @PreAuthorize("hasRole('COMMENTER')")
    String plan(@RequestParam long findingId, @RequestParam(required = false) String remediationId,
                RedirectAttributes redirect) {
        RemediationView r = api.plan(new RemediationsApi.PlanRequest(findingId, remediationId));
        redirect.addFlashAttribute("ok", "Planned remediation " + r.id() + " (" + r.status() + ").");
        return "redirect:/remediations";
    }

    @PostMapping("/remediations/{id}/{action:approve|apply|rollback}")
    @PreAuthorize("hasRole('JUSTIFIER')")
    String act(@PathVariable long id, @PathVariable String action, RedirectAttributes redirect) {
        RemediationView r = switch (action) {
            case "approve" -> api.approve(id);
            case "apply" -> api.apply(id);
            default -> api.rollback(id);
        };
        dashboard.invalidate();
        redirect.addFlashAttribute("ok", "Remediation " + id + ": " + r.status() + ".");
        return "redirect:/remediations";
    }

    @PostMapping("/remediations/modes")
    @PreAuthorize("hasRole('ADMIN')")
    String mode(@RequestParam String remediationId, @RequestParam(required = false) Long accountId,
                @RequestParam RemediationMode mode, RedirectAttributes redirect) {
        api.mode(new RemediationsApi.ModeRequest(remediationId, accountId, mode));
        redirect.addFlashAttribute("ok", remediationId + " is now " + mode + (accountId == null ? " for every account." : "."));
        return "redirect:/remediations";
    }

    @PostMapping("/remediations/{id}/reject")
    @PreAuthorize("hasRole('JUSTIFIER')")
    String reject(@PathVariable long id, @RequestParam String reason, RedirectAttributes redirect) {
        api.reject(id, new RemediationsApi.ReasonRequest(reason));
        redirect.addFlashAttribute("ok", "Remediation " + id + " rejected.");
        return "redirect:/remediations";
    }
}
