package io.watchkeeper.web.console;

import io.watchkeeper.core.finding.Severity;
import io.watchkeeper.web.security.Callers;
import io.watchkeeper.web.service.AccountAdmin;
import io.watchkeeper.web.service.CheckSettings;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The check catalogue; admins enable, disable or re-score a check, and set or reset its thresholds, for
 * every account or one (through {@link CheckSettings}, the same path as the CLI and the API).
 */
@Controller
public class CheckPages {

    private final CheckSettings checks;
    private final AccountAdmin accounts;

    public CheckPages(CheckSettings checks, AccountAdmin accounts) {
        this.checks = checks;
        this.accounts = accounts;
    }

    @GetMapping("/checks")
    @PreAuthorize("hasRole('VIEWER')")
    String list(Model model) {
        model.addAttribute("checks", checks.list(Callers.current()));
        model.addAttribute("accounts", accounts.list(Callers.current()));
        model.addAttribute("severityValues", Severity.values());
        return "checks";
    }

    @PostMapping("/checks/{type}/{name}/settings")
    @PreAuthorize("hasRole('ADMIN')")
    String set(@PathVariable String type, @PathVariable String name, @RequestParam(required = false) Long accountId,
               @RequestParam(defaultValue = "false") boolean enabled, @RequestParam(required = false) Severity severity,
               RedirectAttributes redirect) {
        String id = type + "/" + name;
        checks.set(id, accountId, enabled, severity, Callers.current());
        redirect.addFlashAttribute("ok", "Saved " + id + " and re-audited its resources.");
        return "redirect:/checks";
    }

    /** Sets a threshold; an empty value resets it to the check's default. */
    @PostMapping("/checks/{type}/{name}/parameters/{parameter}")
    @PreAuthorize("hasRole('ADMIN')")
    String parameter(@PathVariable String type, @PathVariable String name, @PathVariable String parameter,
                     @RequestParam(required = false) Long accountId, @RequestParam(required = false) Long value,
                     RedirectAttributes redirect) {
        String id = type + "/" + name;
        if (value == null) {
            checks.resetParameter(id, accountId, parameter, Callers.current());
            redirect.addFlashAttribute("ok", "Reset " + parameter + " of " + id + " to its default.");
        } else {
            checks.setParameter(id, accountId, parameter, value, Callers.current());
            redirect.addFlashAttribute("ok", "Set " + parameter + " of " + id + " to " + value + ".");
        }
        return "redirect:/checks";
    }
}
