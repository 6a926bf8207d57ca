package io.watchkeeper.web.console;

import io.watchkeeper.core.model.AccountAccess;
import io.watchkeeper.core.model.AccountSpec;
import io.watchkeeper.core.model.Provider;
import io.watchkeeper.web.security.Callers;
import io.watchkeeper.web.service.AccountAdmin;
import io.watchkeeper.web.service.WatchIntervals;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Accounts: add, enable/disable, test the connection; watch intervals. */
@Controller
public class AccountPages {

    private final AccountAdmin admin;
    private final WatchIntervals intervals;

    public AccountPages(AccountAdmin admin, WatchIntervals intervals) {
        this.admin = admin;
        this.intervals = intervals;
    }

    @GetMapping("/accounts")
    @PreAuthorize("hasRole('VIEWER')")
    String accounts(Model model) {
        model.addAttribute("accounts", admin.list(Callers.current()));
        model.addAttribute("intervals", intervals.list(Callers.current()));
        return "accounts";
    }

    @PostMapping("/accounts")
    @PreAuthorize("hasRole('ADMIN')")
    String add(@RequestParam(defaultValue = "aws") String provider, @RequestParam String name,
               @RequestParam String accountId, @RequestParam(required = false) String roleArn,
               @RequestParam(required = false) String externalId, @RequestParam(required = false) String regions,
               @RequestParam(required = false) String credentials, @RequestParam(required = false) String impersonate,
               @RequestParam(defaultValue = "false") boolean thirdParty, RedirectAttributes redirect) {
        List<String> regionList = regions == null || regions.isBlank() ? List.of()
                : Arrays.stream(regions.split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
        Provider p = Provider.fromId(provider);
        AccountAccess access = p == Provider.GCP ? AccountAdmin.gcpAccess(credentials, impersonate)
                : new AccountAccess(blank(roleArn), blank(externalId), null);
        var added = admin.add(new AccountSpec(p, name, accountId, access, regionList, Map.of(), thirdParty),
                Callers.current());
        redirect.addFlashAttribute("ok", "Added account " + added.name() + ".");
        return "redirect:/accounts";
    }

    @PostMapping("/accounts/{id}/active")
    @PreAuthorize("hasRole('ADMIN')")
    String active(@PathVariable long id, @RequestParam boolean active, RedirectAttributes redirect) {
        var account = admin.setActive(id, active, Callers.current());
        redirect.addFlashAttribute("ok", account.name() + (active ? " enabled." : " disabled."));
        return "redirect:/accounts";
    }

    @PostMapping("/accounts/{id}/test")
    @PreAuthorize("hasRole('ADMIN')")
    String test(@PathVariable long id, RedirectAttributes redirect) {
        AccountAdmin.ConnectionTest result = admin.test(id, Callers.current());
        redirect.addFlashAttribute(result.ok() ? "ok" : "error", result.ok()
                ? "Connection works: " + result.identity() : "Connection failed: " + result.error());
        return "redirect:/accounts";
    }

    @PostMapping("/accounts/intervals")
    @PreAuthorize("hasRole('ADMIN')")
    String interval(@RequestParam(required = false) Long accountId, @RequestParam(required = false) String type,
                    @RequestParam int minutes, RedirectAttributes redirect) {
        intervals.set(accountId, type, minutes, Callers.current());
        redirect.addFlashAttribute("ok", "Interval saved; the schedule follows at once.");
        return "redirect:/accounts";
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
