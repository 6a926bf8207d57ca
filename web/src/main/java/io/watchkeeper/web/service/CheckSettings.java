package io.watchkeeper.web.service;

import io.watchkeeper.auditors.AuditEngine;
import io.watchkeeper.auditors.CheckRegistry;
import io.watchkeeper.core.access.Role;
import io.watchkeeper.core.audit.AuditEntry;
import io.watchkeeper.core.audit.AuditLog;
import io.watchkeeper.core.finding.AuditSummary;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.CheckOverride;
import io.watchkeeper.core.finding.CheckParameter;
import io.watchkeeper.core.finding.FindingTriage;
import io.watchkeeper.core.finding.ParameterSpec;
import io.watchkeeper.core.finding.Severity;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.model.AccountStore;
import io.watchkeeper.core.model.InvalidInputException;
import io.watchkeeper.web.security.Caller;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The check catalogue, per-check overrides (enable, disable, re-score) and check parameters (the
 * thresholds a check declares, {@link ParameterSpec}) for every account or one.
 * Admins only; a setting for every account needs an admin of every account; overrides of accounts
 * outside the caller's scope are neither shown nor changed. A change is audited once and re-audits
 * the check's resource type at once.
 */
@Service
public class CheckSettings {

    private final CheckRegistry checks;
    private final FindingTriage store;
    private final AccountStore accounts;
    private final AuditEngine engine;
    private final AuditLog audit;
    private final Dashboard dashboard;
    private final TransactionTemplate tx;

    public CheckSettings(CheckRegistry checks, FindingTriage store, AccountStore accounts, AuditEngine engine,
                         AuditLog audit, Dashboard dashboard, PlatformTransactionManager transactions) {
        this.checks = checks;
        this.store = store;
        this.accounts = accounts;
        this.engine = engine;
        this.audit = audit;
        this.dashboard = dashboard;
        this.tx = new TransactionTemplate(transactions);
    }

    /** A check as listed, with the overrides the caller may see. */
    public record CheckInfo(String id, String type, Severity severity, String title, String rationale,
                            String remediation, List<String> controls, List<CheckOverride> overrides,
                            List<ParameterInfo> parameters) {}

    /** A threshold the check declares, with the values set for every account and for the caller's accounts. */
    public record ParameterInfo(String name, String description, long defaultValue, long min, long max,
                                List<CheckParameter> values) {}

    /** What a change did: the check afterwards, whether anything changed, and the re-audit (null when nothing changed). */
    public record Applied(CheckInfo check, boolean changed, AuditSummary audit) {}

    public List<CheckInfo> list(Caller caller) {
        caller.require(Role.VIEWER);
        List<CheckOverride> overrides = visibleOverrides(caller);
        List<CheckParameter> parameters = visibleParameters(caller);
        return checks.all().stream().map(c -> info(c, overrides, parameters)).toList();
    }

    /** Enables, disables or re-scores {@code checkId} for {@code accountId} (null: every account). */
    public Applied set(String checkId, Long accountId, Boolean enabled, Severity severity, Caller caller) {
        Check<?> check = authorize(checkId, accountId, caller);
        if (enabled == null) {
            throw new InvalidInputException("'enabled' is required");
        }
        tx.executeWithoutResult(status -> {
            JsonNode before = current(checkId, accountId).map(CheckSettings::describe).orElse(null);
            store.setOverride(checkId, accountId, enabled, severity, caller.actor());
            audit.record(new AuditEntry(caller.actor(), "check.override", target(checkId, accountId), before,
                    describe(new CheckOverride(checkId, accountId, enabled, severity))));
        });
        return reaudit(check, caller);
    }

    /** Removes the override of {@code checkId} for {@code accountId} (null: the one for every account). */
    public Applied reset(String checkId, Long accountId, Caller caller) {
        Check<?> check = authorize(checkId, accountId, caller);
        boolean removed = Boolean.TRUE.equals(tx.execute(status -> {
            Optional<CheckOverride> before = current(checkId, accountId);
            if (before.isEmpty() || !store.clearOverride(checkId, accountId)) {
                return false;
            }
            audit.record(new AuditEntry(caller.actor(), "check.override.clear", target(checkId, accountId),
                    describe(before.get()), null));
            return true;
        }));
        return removed ? reaudit(check, caller) : new Applied(info(check, caller), false, null);
    }

    /**
     * Sets threshold {@code name} of {@code checkId} to {@code value} for {@code accountId} (null: every
     * account); the value must be in the range the check declares. Audited once, re-audited at once.
     */
    public Applied setParameter(String checkId, Long accountId, String name, Long value, Caller caller) {
        Check<?> check = authorize(checkId, accountId, caller);
        ParameterSpec spec = spec(check, name);
        if (value == null) {
            throw new InvalidInputException("'value' is required");
        }
        long valid = spec.validate(value);
        tx.executeWithoutResult(status -> {
            JsonNode before = currentParameter(checkId, accountId, name).map(p -> (JsonNode) Json.object()
                    .put(name, p.value())).orElse(null);
            store.setParameter(checkId, accountId, name, valid, caller.actor());
            audit.record(new AuditEntry(caller.actor(), "check.parameter", target(checkId, accountId), before,
                    Json.object().put(name, valid)));
        });
        return reaudit(check, caller);
    }

    /** Removes threshold {@code name} of {@code checkId} for {@code accountId} (null: the one for every account). */
    public Applied resetParameter(String checkId, Long accountId, String name, Caller caller) {
        Check<?> check = authorize(checkId, accountId, caller);
        spec(check, name);
        boolean removed = Boolean.TRUE.equals(tx.execute(status -> {
            Optional<CheckParameter> before = currentParameter(checkId, accountId, name);
            if (before.isEmpty() || !store.clearParameter(checkId, accountId, name)) {
                return false;
            }
            audit.record(new AuditEntry(caller.actor(), "check.parameter.clear", target(checkId, accountId),
                    Json.object().put(name, before.get().value()), null));
            return true;
        }));
        return removed ? reaudit(check, caller) : new Applied(info(check, caller), false, null);
    }

    private static ParameterSpec spec(Check<?> check, String name) {
        return check.parameters().stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new InvalidInputException("check " + check.id().id() + " has no parameter "
                        + (name != null && name.matches("[a-z0-9-]{1,60}") ? "'" + name + "'" : "of that name")
                        + (check.parameters().isEmpty() ? ""
                        : "; it has " + String.join(", ", check.parameters().stream().map(ParameterSpec::name).toList()))));
    }

    private Optional<CheckParameter> currentParameter(String checkId, Long accountId, String name) {
        return store.parameters().stream().filter(p -> p.checkId().equals(checkId) && p.name().equals(name)
                && Objects.equals(p.accountId(), accountId)).findFirst();
    }

    private List<CheckParameter> visibleParameters(Caller caller) {
        return store.parameters().stream()
                .filter(p -> p.accountId() == null || caller.scope().allows(p.accountId())).toList();
    }

    private CheckInfo info(Check<?> check, Caller caller) {
        return info(check, visibleOverrides(caller), visibleParameters(caller));
    }

    private Check<?> authorize(String checkId, Long accountId, Caller caller) {
        caller.require(Role.ADMIN);
        Check<?> check = checks.require(checkId);
        if (accountId == null) {
            Scopes.requireEveryAccount(caller, "a setting for every account needs an admin of every account; "
                    + "choose one of your accounts");
        } else {
            caller.requireAccount(accountId);
            accounts.findById(accountId).orElseThrow(Caller.NotVisibleException::new);
        }
        return check;
    }

    private Applied reaudit(Check<?> check, Caller caller) {
        AuditSummary summary = engine.auditTypes(Set.of(check.appliesTo().id()), "override", caller.actor());
        dashboard.invalidate();
        return new Applied(info(check, caller), true, summary);
    }

    private Optional<CheckOverride> current(String checkId, Long accountId) {
        return store.overrides().stream()
                .filter(o -> o.checkId().equals(checkId) && Objects.equals(o.accountId(), accountId)).findFirst();
    }

    private List<CheckOverride> visibleOverrides(Caller caller) {
        return store.overrides().stream()
                .filter(o -> o.accountId() == null || caller.scope().allows(o.accountId())).toList();
    }

    /** {@code check:<id>} for every account, {@code check:<id>@<account id>} for one. */
    static String target(String checkId, Long accountId) {
        return "check:" + checkId + (accountId == null ? "" : "@" + accountId);
    }

    private static JsonNode describe(CheckOverride o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("enabled", o.enabled());
        m.put("severity", o.severity() == null ? "" : o.severity().name());
        return Json.tree(m);
    }

    private static CheckInfo info(Check<?> c, List<CheckOverride> overrides, List<CheckParameter> parameters) {
        List<ParameterInfo> specs = c.parameters().stream().map(p -> new ParameterInfo(p.name(), p.description(),
                p.defaultValue(), p.min(), p.max(), parameters.stream().filter(v -> v.checkId().equals(c.id().id())
                        && v.name().equals(p.name())).toList())).toList();
        return new CheckInfo(c.id().id(), c.appliesTo().id(), c.severity(), c.title(), c.rationale(), c.remediation(),
                c.controls(), overrides.stream().filter(o -> o.checkId().equals(c.id().id())).toList(), specs);
    }
}
