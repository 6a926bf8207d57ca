package io.watchkeeper.web.console;

import io.watchkeeper.web.security.Callers;
import io.watchkeeper.web.service.GitHubAccounts;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The console's "Add a GitHub organisation" form on the Accounts page, through {@link GitHubAccounts}. */
@Controller
public class GitHubAccountPages {

    private final GitHubAccounts accounts;

    public GitHubAccountPages(GitHubAccounts accounts) {
        this.accounts = accounts;
    }

    @PostMapping("/accounts/github")
    @PreAuthorize("hasRole('ADMIN')")
    String add(@RequestParam String name, @RequestParam String organization,
               @RequestParam(required = false) String endpoint, @RequestParam(required = false) Long appId,
               @RequestParam(required = false) Long installationId, @RequestParam(required = false) String appKey,
               @RequestParam(required = false) String token, RedirectAttributes redirect) {
        var added = accounts.add(new GitHubAccounts.NewGitHubAccount(name, organization, blank(endpoint),
                bytes(token), appId, bytes(appKey), installationId, Map.of()), Callers.current());
        redirect.addFlashAttribute("ok", "Added GitHub organisation " + added.externalId() + " as " + added.name()
                + "; its secret is sealed.");
        return "redirect:/accounts";
    }

    private static byte[] bytes(String secret) {
        return secret == null || secret.isBlank() ? null : secret.getBytes(StandardCharsets.UTF_8);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
