package io.watchkeeper.web.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.watchkeeper.core.model.InvalidInputException;
import io.watchkeeper.web.security.Callers;
import io.watchkeeper.web.service.GitHubAccounts;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * GitHub organisations as accounts. The token or App private key is write-only: sealed at rest,
 * never returned (the answer is the account as {@code GET /accounts} shows it).
 */
@RestController
@RequestMapping("/api/v1/accounts/github")
@Tag(name = "accounts")
public class GitHubAccountsApi {

    private final GitHubAccounts accounts;

    public GitHubAccountsApi(GitHubAccounts accounts) {
        this.accounts = accounts;
    }

    /** A new GitHub account: {@code token}, or {@code appId} + {@code appPrivateKey} (PEM). */
    public record NewGitHubAccount(String name, String organization, String endpoint, String token, Long appId,
                                   String appPrivateKey, Long installationId, Map<String, String> tags) {
        @Override
        public String toString() {
            return "NewGitHubAccount[" + name + ", " + organization + ", secrets hidden]";
        }
    }

    /** The organisations App {@code appId} is installed on. */
    public record DiscoverRequest(Long appId, String appPrivateKey, String endpoint, Boolean dryRun) {
        @Override
        public String toString() {
            return "DiscoverRequest[" + appId + ", key hidden]";
        }
    }

    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a GitHub organisation", description = "Admins of every account only. The token or App "
            + "key is sealed at rest and never returned.")
    public AccountsApi.AccountView add(@RequestBody NewGitHubAccount request) {
        return AccountsApi.AccountView.of(accounts.add(new GitHubAccounts.NewGitHubAccount(request.name(),
                request.organization(), request.endpoint(), bytes(request.token()), request.appId(),
                bytes(request.appPrivateKey()), request.installationId(), request.tags()), Callers.current()));
    }

    @PostMapping("/discover")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Add the organisations a GitHub App is installed on", description = "Admins of every account "
            + "only; dryRun lists them.")
    public List<GitHubAccounts.Discovered> discover(@RequestBody DiscoverRequest request) {
        if (request.appId() == null || request.appPrivateKey() == null) {
            throw new InvalidInputException("appId and appPrivateKey are required");
        }
        return accounts.discover(request.appId(), bytes(request.appPrivateKey()), request.endpoint(),
                Boolean.TRUE.equals(request.dryRun()), Callers.current());
    }

    private static byte[] bytes(String secret) {
        return secret == null || secret.isBlank() ? null : secret.getBytes(StandardCharsets.UTF_8);
    }
}
