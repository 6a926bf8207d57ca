package io.watchkeeper.web.console;

import io.watchkeeper.core.access.Role;
import io.watchkeeper.core.audit.AuditLogReader;
import io.watchkeeper.core.audit.AuditRecord;
import io.watchkeeper.web.security.Callers;
import io.watchkeeper.web.service.AccessAdmin;
import io.watchkeeper.web.service.AccountAdmin;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Audit log, users (admin) and API tokens (everyone, their own). */
@Controller
public class AdminPages {

    private final AuditLogReader log;
    private final AccessAdmin access;
    private final AccountAdmin accounts;

    public AdminPages(AuditLogReader log, AccessAdmin access, AccountAdmin accounts) {
        this.log = log;
        this.access = access;
        this.accounts = accounts;
    }

    @GetMapping("/audit-log")
    @PreAuthorize("hasRole('ADMIN')")
    String audit(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
                 @RequestParam(required = false) String target, @RequestParam(required = false) Long before, Model model) {
        List<AuditRecord> page = log.list(actor, action, target, before, 100);
        model.addAttribute("entries", page);
        model.addAttribute("next", page.size() == 100 ? page.getLast().id() : null);
        model.addAttribute("actor", actor);
        model.addAttribute("action", action);
        model.addAttribute("target", target);
        return "audit-log";
    }

    @GetMapping("/users")
    @PreAuthorize("hasRole('ADMIN')")
    String users(Model model) {
        model.addAttribute("users", access.users(Callers.current()));
        model.addAttribute("roles", Role.values());
        model.addAttribute("accounts", accounts.list(Callers.current()));
        return "users";
    }

    @PostMapping("/users")
    @PreAuthorize("hasRole('ADMIN')")
    String createUser(@RequestParam String username, @RequestParam(required = false) String displayName,
                      @RequestParam Role role, @RequestParam(name = "accountId", required = false) List<Long> accountIds,
                      @RequestParam String password, RedirectAttributes redirect) {
        access.createUser(username, displayName, role, ids(accountIds), password, Callers.current());
        redirect.addFlashAttribute("ok", "Created user " + username + ".");
        return "redirect:/users";
    }

    @PostMapping("/users/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    String updateUser(@PathVariable long id, @RequestParam Role role,
                      @RequestParam(name = "accountId", required = false) List<Long> accountIds,
                      @RequestParam(defaultValue = "false") boolean enabled, RedirectAttributes redirect) {
        var user = access.updateUser(id, role, ids(accountIds), enabled, Callers.current());
        redirect.addFlashAttribute("ok", "Saved " + user.username() + ".");
        return "redirect:/users";
    }

    @GetMapping("/tokens")
    @PreAuthorize("hasRole('VIEWER')")
    String tokens(Model model) {
        boolean admin = Callers.current().can(Role.ADMIN);
        model.addAttribute("tokens", access.tokens(Callers.current(), admin));
        model.addAttribute("roles", Arrays.stream(Role.values()).filter(r -> Callers.current().role().includes(r)).toList());
        return "tokens";
    }

    @PostMapping("/tokens")
    @PreAuthorize("hasRole('VIEWER')")
    String createToken(@RequestParam String name, @RequestParam Role role, @RequestParam(required = false) String expires,
                       RedirectAttributes redirect) {
        var expiry = FindingPages.parseUntil(expires);
        AccessAdmin.IssuedToken issued = access.createToken(name, role, null, expiry, Callers.current());
        redirect.addFlashAttribute("secret", issued.secret());
        redirect.addFlashAttribute("ok", "Created token " + issued.token().name() + ". Copy the secret now: it is not shown again.");
        return "redirect:/tokens";
    }

    @PostMapping("/tokens/{id}/revoke")
    @PreAuthorize("hasRole('VIEWER')")
    String revoke(@PathVariable long id, RedirectAttributes redirect) {
        access.revokeToken(id, Callers.current());
        redirect.addFlashAttribute("ok", "Token " + id + " revoked.");
        return "redirect:/tokens";
    }

    private static Set<Long> ids(List<Long> ids) {
        return ids == null ? Set.of() : ids.stream().collect(Collectors.toSet());
    }
}
