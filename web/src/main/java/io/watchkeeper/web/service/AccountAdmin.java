package io.watchkeeper.web.service;

import io.watchkeeper.aws.AwsSession;
import io.watchkeeper.aws.AwsSessionFactory;
import io.watchkeeper.core.access.Role;
import io.watchkeeper.core.audit.AuditEntry;
import io.watchkeeper.core.audit.AuditLog;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.model.Account;
import io.watchkeeper.core.model.AccountAccess;
import io.watchkeeper.core.model.AccountSpec;
import io.watchkeeper.core.model.AccountStore;
import io.watchkeeper.core.model.InvalidInputException;
import io.watchkeeper.core.model.Provider;
import io.watchkeeper.core.watch.WatchInterval;
import io.watchkeeper.core.watch.WatchIntervalStore;
import io.watchkeeper.web.security.Caller;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Accounts and watch intervals from the console and API (admin only), each change audited. The
 * scheduler's reconcile task applies interval and enable/disable changes on every node without a
 * restart.
 */
@Service
public class AccountAdmin {

    private final AccountStore accounts;
    private final WatchIntervalStore intervals;
    private final AwsSessionFactory aws;
    private final AuditLog audit;

    public AccountAdmin(AccountStore accounts, WatchIntervalStore intervals, AwsSessionFactory aws, AuditLog audit) {
        this.accounts = accounts;
        this.intervals = intervals;
        this.aws = aws;
        this.audit = audit;
    }

    /** The result of a connection test: the identity the cloud answered with, or the error. */
    public record ConnectionTest(boolean ok, String identity, String error) {}

    public List<Account> list(Caller caller) {
        return accounts.list().stream().filter(a -> caller.scope().allows(a.id())).toList();
    }

    public Account add(String name, String accountId, String roleArn, String externalId, List<String> regions,
                       Caller caller) {
        caller.require(Role.ADMIN);
        Account added = accounts.add(new AccountSpec(Provider.AWS, name, accountId,
                new AccountAccess(blank(roleArn), blank(externalId), null), regions, Map.of(), false));
        audit.record(new AuditEntry(caller.actor(), "account.add", "account:" + added.name(), null, describe(added)));
        return added;
    }

    public Account setActive(long id, boolean active, Caller caller) {
        caller.require(Role.ADMIN);
        Account before = require(id, caller);
        accounts.setActive(id, active);
        Account after = require(id, caller);
        audit.record(new AuditEntry(caller.actor(), active ? "account.enable" : "account.disable",
                "account:" + after.name(), describe(before), describe(after)));
        return after;
    }

    /** Opens a session (assuming the role when one is set) and asks STS who we are. */
    public ConnectionTest test(long id, Caller caller) {
        caller.require(Role.ADMIN);
        Account account = require(id, caller);
        if (account.provider() != Provider.AWS) {
            return new ConnectionTest(false, null, "connection tests exist for AWS accounts only");
        }
        try (AwsSession session = aws.open(account)) {
            var identity = session.sts().getCallerIdentity();
            if (!identity.account().equals(account.externalId())) {
                return new ConnectionTest(false, identity.arn(), "the credentials reach account " + identity.account()
                        + ", not " + account.externalId());
            }
            return new ConnectionTest(true, identity.arn(), null);
        } catch (RuntimeException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return new ConnectionTest(false, null, message.length() > 300 ? message.substring(0, 300) + "…" : message);
        }
    }

    public List<WatchInterval> intervals(Caller caller) {
        return intervals.list().stream()
                .filter(i -> i.accountId() == null || caller.scope().allows(i.accountId())).toList();
    }

    public void setInterval(Long accountId, String type, int minutes, Caller caller) {
        caller.require(Role.ADMIN);
        if (accountId != null) {
            require(accountId, caller);
        }
        if (minutes < 1 || minutes > 10080) {
            throw new InvalidInputException("interval must be between 1 and 10080 minutes");
        }
        intervals.set(accountId, blank(type), minutes);
        audit.record(new AuditEntry(caller.actor(), "watch.interval.set",
                "interval:" + (accountId == null ? "*" : accountId) + ":" + (blank(type) == null ? "*" : type), null,
                Json.tree(Map.of("minutes", minutes))));
    }

    private Account require(long id, Caller caller) {
        caller.requireAccount(id);
        return accounts.findById(id).orElseThrow(Caller.NotVisibleException::new);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static tools.jackson.databind.JsonNode describe(Account a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("accountId", a.externalId());
        m.put("roleArn", a.access().roleArn() == null ? "" : a.access().roleArn());
        m.put("regions", a.regions());
        m.put("active", a.active());
        return Json.tree(m);
    }
}
