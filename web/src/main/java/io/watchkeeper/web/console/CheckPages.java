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

/** The check catalogue; admins enable, disable or re-score a check for every account or one. */
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
}
