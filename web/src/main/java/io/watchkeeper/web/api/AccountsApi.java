package io.watchkeeper.web.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.watchkeeper.core.model.Account;
import io.watchkeeper.core.watch.WatchInterval;
import io.watchkeeper.web.security.Callers;
import io.watchkeeper.web.service.AccountAdmin;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Accounts and watch intervals. Credentials are never returned (accounts hold only role ARNs). */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "accounts")
public class AccountsApi {

    private final AccountAdmin admin;

    public AccountsApi(AccountAdmin admin) {
        this.admin = admin;
    }

    /** A new AWS account. */
    public record NewAccount(String name, String accountId, String roleArn, String externalId, List<String> regions) {}

    /**
     * An account as the API shows it: the role's external id is write-only (it guards against the
     * confused-deputy problem, so it is not handed to every viewer).
     */
    public record AccountView(long id, String provider, String name, String accountId, String roleArn,
                              boolean externalIdSet, List<String> regions, java.util.Map<String, String> tags,
                              boolean active, boolean thirdParty) {
        static AccountView of(Account a) {
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
    @Operation(summary = "Add an AWS account")
    public AccountView add(@RequestBody NewAccount request) {
        return AccountView.of(admin.add(request.name(), request.accountId(), request.roleArn(), request.externalId(), request.regions(),
                Callers.current()));
    }

    @PatchMapping("/accounts/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Enable or disable an account")
    public AccountView patch(@PathVariable long id, @RequestBody AccountPatch patch) {
        if (patch.active() == null) {
            throw new io.watchkeeper.core.model.InvalidInputException("nothing to change: send {\"active\": true|false}");
        }
        return AccountView.of(admin.setActive(id, patch.active(), Callers.current()));
    }

    @PostMapping("/accounts/{id}/test")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Test the connection (STS GetCallerIdentity through the account's role)")
    public AccountAdmin.ConnectionTest test(@PathVariable long id) {
        return admin.test(id, Callers.current());
    }

    @GetMapping("/watch-intervals")
    @PreAuthorize("hasRole('VIEWER')")
    @Operation(summary = "Configured watch intervals")
    public List<WatchInterval> intervals() {
        return admin.intervals(Callers.current());
    }

    @PutMapping("/watch-intervals")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Set a watch interval (applied by every node within the reconcile interval)")
    public void setInterval(@RequestBody IntervalRequest request) {
        if (request.minutes() == null) {
            throw new io.watchkeeper.core.model.InvalidInputException("'minutes' is required");
        }
        admin.setInterval(request.accountId(), request.type(), request.minutes(), Callers.current());
    }
}
