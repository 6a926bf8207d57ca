package io.watchkeeper.web.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.watchkeeper.auditors.AuditEngine;
import io.watchkeeper.auditors.CheckRegistry;
import io.watchkeeper.core.audit.AuditEntry;
import io.watchkeeper.core.audit.AuditLog;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.CheckOverride;
import io.watchkeeper.core.finding.FindingTriage;
import io.watchkeeper.core.finding.Severity;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.web.security.Caller;
import io.watchkeeper.web.security.Callers;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The check catalogue and per-account settings (enable/disable, severity); a change re-scores at once. */
@RestController
@RequestMapping("/api/v1/checks")
@Tag(name = "checks")
public class ChecksApi {

    private final CheckRegistry checks;
    private final FindingTriage triage;
    private final AuditEngine engine;
    private final AuditLog audit;

    public ChecksApi(CheckRegistry checks, FindingTriage triage, AuditEngine engine, AuditLog audit) {
        this.checks = checks;
        this.triage = triage;
        this.engine = engine;
        this.audit = audit;
    }

    /** A check as listed. */
    public record CheckInfo(String id, String type, Severity severity, String title, String rationale,
                            String remediation, List<String> controls, List<CheckOverride> overrides) {}

    /** A setting for one check, for every account (null) or one. */
    public record CheckSetting(Long accountId, Boolean enabled, Severity severity) {}

    @GetMapping
    @PreAuthorize("hasRole('VIEWER')")
    @Operation(summary = "Every check with its settings")
    public List<CheckInfo> list() {
        List<CheckOverride> overrides = triage.overrides();
        return checks.all().stream().map(c -> info(c, overrides)).toList();
    }

    @PutMapping("/{id}/settings")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Enable, disable or re-score a check; re-audits its resource type")
    public CheckInfo set(@PathVariable String id, @RequestBody CheckSetting setting) {
        Caller caller = Callers.current();
        Check<?> check = checks.require(id);
        if (setting.accountId() != null) {
            caller.requireAccount(setting.accountId());
        }
        if (setting.enabled() == null) {
            throw new io.watchkeeper.core.model.InvalidInputException("'enabled' is required");
        }
        triage.setOverride(id, setting.accountId(), setting.enabled(), setting.severity(), caller.actor());
        audit.record(new AuditEntry(caller.actor(), "check.override", "check:" + id
                + (setting.accountId() == null ? "" : "@" + setting.accountId()), null,
                Json.tree(Map.of("enabled", setting.enabled(),
                        "severity", setting.severity() == null ? "" : setting.severity().name()))));
        engine.auditTypes(Set.of(check.appliesTo().id()), "override", caller.actor());
        return info(check, triage.overrides());
    }

    private static CheckInfo info(Check<?> c, List<CheckOverride> overrides) {
        return new CheckInfo(c.id().id(), c.appliesTo().id(), c.severity(), c.title(), c.rationale(), c.remediation(),
                c.controls(), overrides.stream().filter(o -> o.checkId().equals(c.id().id())).toList());
    }
}
