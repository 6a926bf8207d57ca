package io.watchkeeper.web.console;

import io.watchkeeper.core.access.AccountScope;
import io.watchkeeper.core.access.Role;
import io.watchkeeper.core.audit.AuditRecord;
import io.watchkeeper.web.security.Caller;
import io.watchkeeper.web.security.Callers;
import io.watchkeeper.web.security.GlobalAdmin;
import io.watchkeeper.web.service.AccessAdmin;
import io.watchkeeper.web.service.AccountAdmin;
import io.watchkeeper.web.service.AuditTrail;
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

/**
 * Audit log (admins; filtered for admins limited to some accounts), users (admins of every account)
 * and API tokens (everyone, their own; admins of every account see everyone's).
 */
@Controller
public class AdminPages {

    private final AuditTrail log;
    private final AccessAdmin access;
    private final AccountAdmin accounts;

    public AdminPages(AuditTrail log, AccessAdmin access, AccountAdmin accounts) {
        this.log = log;
        this.access = access;
        this.accounts = accounts;
    }

    @GetMapping("/audit-log")
    @PreAuthorize("hasRole('ADMIN')")
    String audit(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
                 @RequestParam(required = false) String target, @RequestParam(required = false) Long before, Model model) {
        List<AuditRecord> page = log.list(actor, action, target, before, 100, Callers.current());
        model.addAttribute("entries", page);
        model.addAttribute("next", page.size() == 100 ? page.getLast().id() : null);
        model.addAttribute("actor", actor);
        model.addAttribute("action", action);
        model.addAttribute("target", target);
        return "audit-log";
    }

    @GetMapping("/users")
    @GlobalAdmin
    String users(Model model) {
        model.addAttribute("users", access.users(Callers.current()));
        model.addAttribute("roles", Role.values());
        model.addAttribute("accounts", accounts.list(Callers.current()));
        return "users";
    }

    @PostMapping("/users")
    @GlobalAdmin
    String createUser(@RequestParam String username, @RequestParam(required = false) String displayName,
                      @RequestParam Role role, @RequestParam(name = "accountId", required = false) List<Long> accountIds,
                      @RequestParam String password, @RequestParam(defaultValue = "false") boolean mustChange,
                      RedirectAttributes redirect) {
        access.createUser(username, displayName, role, ids(accountIds), password, mustChange, Callers.current());
        redirect.addFlashAttribute("ok", "Created user " + username + (mustChange
                ? ": they choose a new password at their first sign-in." : "."));
        return "redirect:/users";
    }

    @PostMapping("/users/{id}/password")
    @GlobalAdmin
    String resetPassword(@PathVariable long id, RedirectAttributes redirect) {
        AccessAdmin.Issued issued = access.resetPassword(id, null, Callers.current());
        redirect.addFlashAttribute("secret", issued.temporaryPassword());
        redirect.addFlashAttribute("ok", "Reset the password of " + issued.user().username()
                + ". Hand over this temporary password now (it is not shown again); they must change it at the next sign-in.");
        return "redirect:/users";
    }

    @PostMapping("/users/{id}")
    @GlobalAdmin
    String updateUser(@PathVariable long id, @RequestParam Role role,
                      @RequestParam(name = "accountId", required = false) List<Long> accountIds,
                      @RequestParam(defaultValue = "false") boolean allAccounts,
                      @RequestParam(defaultValue = "false") boolean enabled, RedirectAttributes redirect) {
        // explicit: no selection without "all accounts" means no accounts, never every account
        AccountScope scope = allAccounts ? AccountScope.ALL : AccountScope.of(ids(accountIds));
        var user = access.updateUser(id, role, scope, enabled, Callers.current());
        redirect.addFlashAttribute("ok", "Saved " + user.username() + ".");
        return "redirect:/users";
    }

    @GetMapping("/tokens")
    @PreAuthorize("hasRole('VIEWER')")
    String tokens(Model model) {
        Caller caller = Callers.current();
        model.addAttribute("tokens", access.tokens(caller, caller.can(Role.ADMIN) && caller.unrestricted()));
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
