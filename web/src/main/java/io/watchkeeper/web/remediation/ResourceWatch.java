package io.watchkeeper.web.remediation;

import io.watchkeeper.auditors.AuditEngine;
import io.watchkeeper.core.finding.AuditStore;
import io.watchkeeper.core.finding.ItemSnapshot;
import io.watchkeeper.core.json.CanonicalJson;
import io.watchkeeper.core.model.Account;
import io.watchkeeper.core.model.AccountStore;
import io.watchkeeper.core.model.ErrorCategory;
import io.watchkeeper.core.model.ResourceType;
import io.watchkeeper.core.model.WatchkeeperException;
import io.watchkeeper.core.remediation.RemediationView;
import io.watchkeeper.core.watch.RunSummary;
import io.watchkeeper.core.watch.ScopeKind;
import io.watchkeeper.watchers.WatchProgress;
import io.watchkeeper.watchers.WatchRequest;
import io.watchkeeper.watchers.WatchRunner;
import io.watchkeeper.watchers.WatcherRegistry;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Re-watches the resource of a remediation (and re-audits it) and tells its durable hash.
 * Re-watches of one scope from this process run one at a time: scope leases are held per process
 * (another process waits for them), so two applies in one server re-watching the same scope at once
 * would otherwise both write its revisions.
 */
final class ResourceWatch {

    private static final ConcurrentHashMap<String, ReentrantLock> SCOPES = new ConcurrentHashMap<>();

    private final AuditStore items;
    private final AccountStore accounts;
    private final WatchRunner runner;
    private final WatcherRegistry watchers;
    private final AuditEngine engine;

    ResourceWatch(AuditStore items, AccountStore accounts, WatchRunner runner, WatcherRegistry watchers,
                  AuditEngine engine) {
        this.items = items;
        this.accounts = accounts;
        this.runner = runner;
        this.watchers = watchers;
        this.engine = engine;
    }

    /** The stored state of the resource. */
    Optional<ItemSnapshot> stored(long itemId) {
        return items.items(List.of(itemId)).stream().findFirst();
    }

    /** The durable hash of the stored state, or null when the resource is gone. */
    String storedHash(long itemId, Class<? extends Record> configType) {
        return stored(itemId).filter(i -> !i.deleted() && i.config() != null)
                .map(i -> CanonicalJson.durableHash(i.config(), configType)).orElse(null);
    }

    /** Watches the resource's scope again, audits what changed, and returns the new durable hash (null: gone). */
    String rewatch(RemediationView r, Class<? extends Record> configType, String actor) {
        ItemSnapshot item = stored(r.itemId()).orElseThrow();
        Account account = accounts.findById(r.accountId()).orElseThrow();
        ResourceType type = ResourceType.of(item.type());
        boolean regional = watchers.require(type).scopeKind() == ScopeKind.REGIONAL;
        ReentrantLock lock = SCOPES.computeIfAbsent(account.id() + "|" + type.id() + "|" + (regional ? item.region() : ""),
                k -> new ReentrantLock());
        RunSummary run;
        lock.lock();
        try {
            run = runner.run(new WatchRequest(List.of(account), Set.of(type),
                    regional ? Set.of(item.region()) : Set.of(), "remediation", actor, true), WatchProgress.NONE);
            engine.auditChanged(run.changedItemIds(), "remediation", actor);
        } finally {
            lock.unlock();
        }
        if (run.anyFailed()) {
            throw new WatchkeeperException(ErrorCategory.UNAVAILABLE, "re-watch failed: "
                    + run.scopes().stream().filter(s -> s.failed()).map(s -> s.message()).toList());
        }
        return storedHash(r.itemId(), configType);
    }

    /** Like {@link #rewatch} but never fails: null when the state could not be learnt. */
    String rewatchQuietly(RemediationView r, Class<? extends Record> configType, String actor) {
        try {
            return rewatch(r, configType, actor);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
