package io.watchkeeper.web.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.watchkeeper.core.model.Account;
import io.watchkeeper.core.model.AccountAccess;
import io.watchkeeper.core.model.AccountSpec;
import io.watchkeeper.core.model.InvalidInputException;
import io.watchkeeper.core.model.Provider;
import io.watchkeeper.core.watch.WatchInterval;
import io.watchkeeper.web.security.Callers;
import io.watchkeeper.web.service.AccountAdmin;
import io.watchkeeper.web.service.WatchIntervals;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Accounts and watch intervals. Credentials are never returned (accounts hold only role ARNs). */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "accounts")
public class AccountsApi {

    private final AccountAdmin admin;
    private final WatchIntervals intervals;

    public AccountsApi(AccountAdmin admin, WatchIntervals intervals) {
        this.admin = admin;
        this.intervals = intervals;
    }

    /**
     * A new account; a third-party account (known, not ours) is reference data and never watched.
     * {@code provider} aws (default) or gcp; for gcp {@code accountId} is the project id, {@code credentials}
     * a key file path on the server (owner-only) or {@code none}, {@code impersonate} a service account.
     */
    public record NewAccount(String provider, String name, String accountId, String roleArn, String externalId,
                             List<String> regions, Map<String, String> tags, Boolean thirdParty, String credentials,
                             String impersonate) {}

    /**
     * An account as the API shows it: the role's external id is write-only (it guards against the
     * confused-deputy problem, so it is not handed to every viewer).
     */
    public record AccountView(long id, String provider, String name, String accountId, String roleArn,
                              boolean externalIdSet, List<String> regions, Map<String, String> tags,
                              boolean active, boolean thirdParty) {
        public static AccountView of(Account a) {
            return new AccountView(a.id(), a.provider().id(), a.name(), a.externalId(), a.access().roleArn(),
                    a.access().roleExternalId() != null, a.regions(), a.tags(), a.active(), a.thirdParty());
        }
    }

    /** Enable or disable scheduled watching. */
    public record AccountPatch(Boolean active) {}

    /** An interval for (account, type); null account or type means every one. */
    public record IntervalRequest(Long accountId, String type, Integer minutes) {}

    @GetMapping("/accounts")
    @PreAuthorize("hasRole('VIEWER')")
    @Operation(summary = "Accounts in your scope")
    public List<AccountView> list() {
        return admin.list(Callers.current()).stream().map(AccountView::of).toList();
    }

    @PostMapping("/accounts")
    @PreAuthorize("hasRole('ADMIN')")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add an AWS account or a GCP project", description = "Admins of every account only.")
    public AccountView add(@RequestBody NewAccount request) {
        Provider provider = request.provider() == null ? Provider.AWS : Provider.fromId(request.provider());
        AccountAccess access = provider == Provider.GCP ? AccountAdmin.gcpAccess(request.credentials(), request.impersonate())
                : new AccountAccess(blank(request.roleArn()), blank(request.externalId()), null);
        AccountSpec spec = new AccountSpec(provider, request.name(), request.accountId(), access, request.regions(),
                request.tags(), Boolean.TRUE.equals(request.thirdParty()));
        return AccountView.of(admin.add(spec, Callers.current()));
    }

    @PatchMapping("/accounts/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Enable or disable an account")
    public AccountView patch(@PathVariable long id, @RequestBody AccountPatch patch) {
        if (patch.active() == null) {
            throw new InvalidInputException("nothing to change: send {\"active\": true|false}");
        }
        return AccountView.of(admin.setActive(id, patch.active(), Callers.current()));
    }

    @PostMapping("/accounts/{id}/test")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Test the connection (AWS: STS GetCallerIdentity through the account's role; GCP: Resource Manager"
            + " projects.get, then testIamPermissions naming missing permissions; the identity must be the registered one)")
    public AccountAdmin.ConnectionTest test(@PathVariable long id) {
        return admin.test(id, Callers.current());
    }

    @GetMapping("/watch-intervals")
    @PreAuthorize("hasRole('VIEWER')")
    @Operation(summary = "Configured watch intervals of your accounts and those for every account")
    public List<WatchInterval> intervals() {
        return intervals.list(Callers.current());
    }

    @PutMapping("/watch-intervals")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Set a watch interval (the schedule follows at once)",
            description = "No accountId: for every account (admins of every account only).")
    public void setInterval(@RequestBody IntervalRequest request) {
        intervals.set(request.accountId(), request.type(), request.minutes(), Callers.current());
    }

    @DeleteMapping("/watch-intervals")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Remove a watch interval", description = "404 when none is configured for the pair.")
    public ResponseEntity<Void> clearInterval(@RequestParam(required = false) Long accountId,
                                              @RequestParam(required = false) String type) {
        return intervals.clear(accountId, type, Callers.current()) ? ResponseEntity.noContent().build()
                : ResponseEntity.notFound().build();
    }

    static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
