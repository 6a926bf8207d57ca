package io.watchkeeper.web.console;

import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.model.Account;
import io.watchkeeper.core.remediation.RemediationMode;
import io.watchkeeper.core.remediation.RemediationStatus;
import io.watchkeeper.core.remediation.RemediationStore.ModeSetting;
import io.watchkeeper.core.remediation.RemediationView;
import io.watchkeeper.web.remediation.RemediationRefusedException;
import io.watchkeeper.web.remediation.RemediationService;
import io.watchkeeper.web.remediation.RemediationSettings;
import io.watchkeeper.web.security.Caller;
import io.watchkeeper.web.security.Callers;
import io.watchkeeper.web.service.AccountAdmin;
import io.watchkeeper.web.service.Dashboard;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The remediation queue: each plan shown exactly; approve, apply, reject, roll back — all through the services. */
@Controller
public class RemediationPages {

    private final RemediationService remediations;
    private final RemediationSettings settings;
    private final Dashboard dashboard;
    private final AccountAdmin accounts;

    public RemediationPages(RemediationService remediations, RemediationSettings settings, Dashboard dashboard,
                            AccountAdmin accounts) {
        this.remediations = remediations;
        this.settings = settings;
        this.dashboard = dashboard;
        this.accounts = accounts;
    }

    /**
     * A queue row with its plan pretty-printed; {@code fourEyes}: the viewer planned it and may not approve it
     * (the mode is not automatic).
     */
    public record Row(RemediationView r, String plan, String rollback, boolean fourEyes) {}

    /** A configured mode with its account's name ("every account" when global). */
    public record ModeRow(String remediationId, String account, RemediationMode mode) {}

    @GetMapping("/remediations")
    @PreAuthorize("hasRole('VIEWER')")
    String queue(@RequestParam(required = false) RemediationStatus status, Model model) {
        Caller caller = Callers.current();
        List<Row> rows = remediations.list(status, 200, caller).stream()
                .map(r -> new Row(r, Json.pretty(r.plan()), r.rollbackPlan() == null ? null : Json.pretty(r.rollbackPlan()),
                        r.status() == RemediationStatus.AWAITING_APPROVAL && r.plannedBy().equals(caller.username())
                                && settings.mode(r.remediationId(), r.accountId()) != RemediationMode.AUTOMATIC))
                .toList();
        List<Account> visible = accounts.list(caller);
        Map<Long, String> names = visible.stream().collect(Collectors.toMap(Account::id, Account::name));
        Function<ModeSetting, ModeRow> row = m -> new ModeRow(m.remediationId(),
                m.accountId() == null ? "every account" : names.getOrDefault(m.accountId(), String.valueOf(m.accountId())),
                m.mode());
        model.addAttribute("rows", rows);
        model.addAttribute("statuses", RemediationStatus.values());
        model.addAttribute("status", status);
        model.addAttribute("remediationIds", remediations.registry().all().stream().map(r -> r.id()).sorted().toList());
        model.addAttribute("modes", settings.modes(caller).stream().map(row).toList());
        model.addAttribute("modeValues", RemediationMode.values());
        model.addAttribute("accounts", visible);
        return "remediations";
    }

    @PostMapping("/remediations")
    @PreAuthorize("hasRole('COMMENTER')")
    String plan(@RequestParam long findingId, @RequestParam(required = false) String remediationId,
                RedirectAttributes redirect) {
        String chosen = remediationId == null || remediationId.isBlank() ? null : remediationId.strip();
        RemediationView r = remediations.plan(Long.toString(findingId), chosen, Callers.current());
        redirect.addFlashAttribute("ok", "Planned remediation " + r.id() + " (" + r.status() + ").");
        return "redirect:/remediations";
    }

    @PostMapping("/remediations/{id}/{action:approve|apply}")
    @PreAuthorize("hasRole('JUSTIFIER')")
    String act(@PathVariable long id, @PathVariable String action, RedirectAttributes redirect) {
        Caller caller = Callers.current();
        RemediationView r = action.equals("approve") ? remediations.approve(id, caller) : remediations.apply(id, caller);
        dashboard.invalidate();
        redirect.addFlashAttribute("ok", "Remediation " + id + ": " + r.status() + ".");
        return "redirect:/remediations";
    }

    @PostMapping("/remediations/{id}/rollback")
    @PreAuthorize("hasRole('JUSTIFIER')")
    String rollback(@PathVariable long id, @RequestParam(required = false) Boolean force,
                    @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        RemediationView r = remediations.rollback(id, Boolean.TRUE.equals(force), reason, Callers.current());
        dashboard.invalidate();
        redirect.addFlashAttribute("ok", "Remediation " + id + ": " + r.status() + ".");
        return "redirect:/remediations";
    }

    @PostMapping("/remediations/modes")
    @PreAuthorize("hasRole('ADMIN')")
    String mode(@RequestParam String remediationId, @RequestParam(required = false) Long accountId,
                @RequestParam RemediationMode mode, RedirectAttributes redirect) {
        ModeSetting set = settings.setMode(remediationId, accountId, mode, Callers.current());
        redirect.addFlashAttribute("ok", set.remediationId() + " is now " + mode
                + (accountId == null ? " for every account." : "."));
        return "redirect:/remediations";
    }

    @PostMapping("/remediations/{id}/reject")
    @PreAuthorize("hasRole('JUSTIFIER')")
    String reject(@PathVariable long id, @RequestParam String reason, RedirectAttributes redirect) {
        remediations.reject(id, reason, Callers.current());
        redirect.addFlashAttribute("ok", "Remediation " + id + " rejected.");
        return "redirect:/remediations";
    }

    @ExceptionHandler(RemediationRefusedException.class)
    String refused(RemediationRefusedException e, HttpServletResponse response, Model model) {
        int status = e.rule() == RemediationRefusedException.Rule.FOUR_EYES ? 403 : 409;
        response.setStatus(status);
        model.addAttribute("status", status);
        model.addAttribute("message", e.getMessage());
        return "problem";
    }
}
