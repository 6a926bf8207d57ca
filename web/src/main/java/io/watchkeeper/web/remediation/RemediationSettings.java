package io.watchkeeper.web.remediation;

import io.watchkeeper.auditors.RemediationRegistry;
import io.watchkeeper.core.access.Role;
import io.watchkeeper.core.audit.AuditEntry;
import io.watchkeeper.core.audit.AuditLog;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.model.AccountStore;
import io.watchkeeper.core.model.InvalidInputException;
import io.watchkeeper.core.remediation.RemediationMode;
import io.watchkeeper.core.remediation.RemediationStore;
import io.watchkeeper.core.remediation.RemediationStore.ModeSetting;
import io.watchkeeper.web.security.Caller;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Modes per remediation and account, the kill switch and the blast-radius limit: who may change
 * them, and one audit entry per change, whichever door (CLI, API, console) it came through. An
 * admin limited to some accounts sets and sees modes of its own accounts (and sees the global
 * ones); global settings — a mode for every account, the kill switch, the limit — belong to an
 * admin of every account.
 */
public final class RemediationSettings {

    private final RemediationRegistry registry;
    private final RemediationStore store;
    private final AccountStore accounts;
    private final AuditLog audit;
    private final TransactionOperations tx;
    private final boolean killSwitchProperty;

    public RemediationSettings(RemediationRegistry registry, RemediationStore store, AccountStore accounts,
                               AuditLog audit, TransactionOperations tx, boolean killSwitchProperty) {
        this.registry = registry;
        this.store = store;
        this.accounts = accounts;
        this.audit = audit;
        this.tx = tx;
        this.killSwitchProperty = killSwitchProperty;
    }

    /** The configured modes the caller may see: its accounts' and the global ones. */
    public List<ModeSetting> modes(Caller caller) {
        caller.require(Role.VIEWER);
        return store.modes().stream()
                .filter(m -> m.accountId() == null || caller.scope().allows(m.accountId()))
                .toList();
    }

    /** The mode that applies to {@code remediationId} in an account (dry-run unless set). */
    public RemediationMode mode(String remediationId, long accountId) {
        RemediationMode mode = store.mode(remediationId, accountId);
        return mode == RemediationMode.AUTOMATIC && !registry.require(remediationId).automaticAllowed()
                ? RemediationMode.APPROVAL : mode;
    }

    /** Sets a mode for one account, or for every account ({@code accountId} null). */
    public ModeSetting setMode(String remediationId, Long accountId, RemediationMode mode, Caller caller) {
        caller.require(Role.ADMIN);
        if (remediationId == null || remediationId.isBlank() || mode == null) {
            throw new InvalidInputException("'remediationId' and 'mode' are required");
        }
        String id = registry.require(remediationId.strip()).id();
        if (mode == RemediationMode.AUTOMATIC && !registry.require(id).automaticAllowed()) {
            throw new InvalidInputException(id + " never runs automatically: its plans wait for approval (mode approval)");
        }
        if (accountId == null) {
            requireEveryAccount(caller, "a mode for every account; choose one of your accounts");
        } else {
            caller.requireAccount(accountId);
            if (accounts.findById(accountId).isEmpty()) {
                throw new InvalidInputException("no account " + accountId);
            }
        }
        return tx.execute(status -> {
            Optional<ModeSetting> before = store.modes().stream()
                    .filter(m -> m.remediationId().equals(id) && java.util.Objects.equals(m.accountId(), accountId))
                    .findFirst();
            store.setMode(id, accountId, mode, caller.actor());
            audit.record(new AuditEntry(caller.actor(), "remediation.mode",
                    "remediation-mode:" + id + "@" + (accountId == null ? "*" : accountId),
                    before.map(m -> Json.tree(Map.of("mode", m.mode().name()))).orElse(null),
                    Json.tree(Map.of("mode", mode.name()))));
            return new ModeSetting(id, accountId, mode);
        });
    }

    /** Whether the kill switch is on (the property or the database). */
    public boolean killSwitch() {
        return killSwitchProperty || store.killSwitch();
    }

    public void setKillSwitch(boolean on, Caller caller) {
        caller.require(Role.ADMIN);
        requireEveryAccount(caller, "the kill switch");
        tx.executeWithoutResult(status -> {
            boolean before = store.killSwitch();
            store.setKillSwitch(on, caller.actor());
            audit.record(new AuditEntry(caller.actor(), "remediation.kill-switch", "remediation-settings",
                    Json.tree(Map.of("killSwitch", before)), Json.tree(Map.of("killSwitch", on))));
        });
    }

    /** Changes (applies and rollbacks) allowed per account per hour. */
    public int limit() {
        return store.maxChangesPerAccountPerHour();
    }

    public void setLimit(int max, Caller caller) {
        caller.require(Role.ADMIN);
        requireEveryAccount(caller, "the blast-radius limit");
        tx.executeWithoutResult(status -> {
            int before = store.maxChangesPerAccountPerHour();
            store.setMaxChangesPerAccountPerHour(max, caller.actor());
            audit.record(new AuditEntry(caller.actor(), "remediation.limit", "remediation-settings",
                    Json.tree(Map.of("maxChangesPerAccountPerHour", before)),
                    Json.tree(Map.of("maxChangesPerAccountPerHour", max))));
        });
    }

    private static void requireEveryAccount(Caller caller, String what) {
        if (!caller.scope().unrestricted()) {
            throw new AccessDeniedException("only an admin of every account sets " + what);
        }
    }
}
