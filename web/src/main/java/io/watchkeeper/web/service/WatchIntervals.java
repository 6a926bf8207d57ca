package io.watchkeeper.web.service;

import io.watchkeeper.core.access.Role;
import io.watchkeeper.core.audit.AuditEntry;
import io.watchkeeper.core.audit.AuditLog;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.model.InvalidInputException;
import io.watchkeeper.core.model.AccountStore;
import io.watchkeeper.core.watch.WatchInterval;
import io.watchkeeper.core.watch.WatchIntervalStore;
import io.watchkeeper.watchers.WatcherRegistry;
import io.watchkeeper.web.security.Caller;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Watch intervals per account and resource type (admins only). An interval for every account (no
 * account, with or without a type) needs an admin of every account; a scoped admin sets intervals
 * of its own accounts and sees those and the global ones. Each change is audited once and the
 * schedule follows at once.
 */
@Service
public class WatchIntervals {

    private final WatchIntervalStore store;
    private final AccountStore accounts;
    private final WatcherRegistry watchers;
    private final AuditLog audit;
    private final ScheduleSync schedule;
    private final TransactionTemplate tx;

    public WatchIntervals(WatchIntervalStore store, AccountStore accounts, WatcherRegistry watchers, AuditLog audit,
                          ScheduleSync schedule, PlatformTransactionManager transactions) {
        this.store = store;
        this.accounts = accounts;
        this.watchers = watchers;
        this.audit = audit;
        this.schedule = schedule;
        this.tx = new TransactionTemplate(transactions);
    }

    public List<WatchInterval> list(Caller caller) {
        caller.require(Role.VIEWER);
        return store.list().stream().filter(i -> i.accountId() == null || caller.scope().allows(i.accountId())).toList();
    }

    /** Sets the interval of (account, type); null account or type means every one. */
    public void set(Long accountId, String type, Integer minutes, Caller caller) {
        String typeId = authorize(accountId, type, caller);
        if (minutes == null) {
            throw new InvalidInputException("'minutes' is required");
        }
        if (minutes < 1 || minutes > 10080) {
            throw new InvalidInputException("interval must be between 1 and 10080 minutes");
        }
        tx.executeWithoutResult(status -> {
            JsonNode before = current(accountId, typeId).map(i -> Json.tree(Map.of("minutes", i.minutes()))).orElse(null);
            store.set(accountId, typeId, minutes);
            audit.record(new AuditEntry(caller.actor(), "watch.interval.set", target(accountId, typeId), before,
                    Json.tree(Map.of("minutes", minutes))));
        });
        schedule.now();
    }

    /** Removes the interval of (account, type); returns whether there was one. */
    public boolean clear(Long accountId, String type, Caller caller) {
        String typeId = authorize(accountId, type, caller);
        boolean removed = Boolean.TRUE.equals(tx.execute(status -> {
            Optional<WatchInterval> before = current(accountId, typeId);
            if (before.isEmpty() || !store.clear(accountId, typeId)) {
                return false;
            }
            audit.record(new AuditEntry(caller.actor(), "watch.interval.clear", target(accountId, typeId),
                    Json.tree(Map.of("minutes", before.get().minutes())), null));
            return true;
        }));
        if (removed) {
            schedule.now();
        }
        return removed;
    }

    private String authorize(Long accountId, String type, Caller caller) {
        caller.require(Role.ADMIN);
        if (accountId == null) {
            Scopes.requireEveryAccount(caller, "an interval for every account needs an admin of every account; "
                    + "choose one of your accounts");
        } else {
            caller.requireAccount(accountId);
            accounts.findById(accountId).orElseThrow(Caller.NotVisibleException::new);
        }
        return type == null || type.isBlank() ? null : watchers.require(type.strip()).type().id();
    }

    private Optional<WatchInterval> current(Long accountId, String type) {
        return store.list().stream()
                .filter(i -> Objects.equals(i.accountId(), accountId) && Objects.equals(i.type(), type)).findFirst();
    }

    /** {@code interval:<account id or *>:<type or *>}. */
    static String target(Long accountId, String type) {
        return "interval:" + (accountId == null ? "*" : accountId) + ":" + (type == null ? "*" : type);
    }
}
