package io.watchkeeper.web.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.watchkeeper.core.finding.Severity;
import io.watchkeeper.web.security.Callers;
import io.watchkeeper.web.service.CheckSettings;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The check catalogue, per-account settings (enable/disable, severity) and thresholds (check
 * parameters); a change re-scores at once. A check id is {@code <type>/<name>}, so it takes two path segments:
 * {@code /api/v1/checks/aws.s3.bucket/public-acl/settings}.
 */
@RestController
@RequestMapping("/api/v1/checks")
@Tag(name = "checks")
public class ChecksApi {

    private final CheckSettings settings;

    public ChecksApi(CheckSettings settings) {
        this.settings = settings;
    }

    /** A setting for one check, for every account (null) or one. */
    public record CheckSetting(Long accountId, Boolean enabled, Severity severity) {}

    /** A check parameter's value, for every account (null) or one. */
    public record ParameterSetting(Long accountId, Long value) {}

    @GetMapping
    @PreAuthorize("hasRole('VIEWER')")
    @Operation(summary = "Every check with the settings of your accounts and those for every account")
    public List<CheckSettings.CheckInfo> list() {
        return settings.list(Callers.current());
    }

    @PutMapping("/{type}/{name}/settings")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Enable, disable or re-score a check; re-audits its resource type",
            description = "No accountId: for every account (admins of every account only).")
    public CheckSettings.CheckInfo set(@PathVariable String type, @PathVariable String name,
                                       @RequestBody CheckSetting setting) {
        return settings.set(type + "/" + name, setting.accountId(), setting.enabled(), setting.severity(),
                Callers.current()).check();
    }

    @DeleteMapping("/{type}/{name}/settings")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Remove a check's setting for one account (or, without accountId, for every account)")
    public CheckSettings.CheckInfo reset(@PathVariable String type, @PathVariable String name,
                                         @RequestParam(required = false) Long accountId) {
        return settings.reset(type + "/" + name, accountId, Callers.current()).check();
    }

    @PutMapping("/{type}/{name}/parameters/{parameter}")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Set a check's threshold (e.g. min-approvals); re-audits its resource type",
            description = "The value must be in the range the check declares (GET /api/v1/checks lists them). "
                    + "No accountId: for every account (admins of every account only).")
    public CheckSettings.CheckInfo setParameter(@PathVariable String type, @PathVariable String name,
                                                @PathVariable String parameter, @RequestBody ParameterSetting setting) {
        return settings.setParameter(type + "/" + name, setting.accountId(), parameter, setting.value(),
                Callers.current()).check();
    }

    @DeleteMapping("/{type}/{name}/parameters/{parameter}")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Remove a check's threshold for one account (or, without accountId, for every account)")
    public CheckSettings.CheckInfo resetParameter(@PathVariable String type, @PathVariable String name,
                                                  @PathVariable String parameter,
                                                  @RequestParam(required = false) Long accountId) {
        return settings.resetParameter(type + "/" + name, accountId, parameter, Callers.current()).check();
    }
}
