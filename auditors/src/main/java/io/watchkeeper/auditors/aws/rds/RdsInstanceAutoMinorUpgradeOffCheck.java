package io.watchkeeper.auditors.aws.rds;

import com.google.auto.service.AutoService;
import io.watchkeeper.core.config.aws.RdsInstanceConfig;
import io.watchkeeper.core.finding.AuditContext;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.CheckId;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import io.watchkeeper.core.finding.Severity;
import java.util.List;
import java.util.Map;

/** RDS instance does not apply minor version upgrades automatically. */
@AutoService(Check.class)
public final class RdsInstanceAutoMinorUpgradeOffCheck implements Check<RdsInstanceConfig> {

    @Override public CheckId id() { return CheckId.of("aws.rds.instance/auto-minor-upgrade-off"); }
    @Override public Class<RdsInstanceConfig> configType() { return RdsInstanceConfig.class; }
    @Override public Severity severity() { return Severity.LOW; }
    @Override public String title() { return "RDS instance does not apply minor version upgrades automatically"; }
    @Override public String rationale() {
        return "Minor versions carry security fixes; without automatic upgrades they wait for someone to remember.";
    }
    @Override public String remediation() {
        return "Turn on Auto Minor Version Upgrade (modify-db-instance --auto-minor-version-upgrade) with a suitable maintenance window.";
    }
    @Override public List<String> controls() { return List.of("CIS-AWS-3.0:2.3.2"); }

    @Override
    public List<Evidence> evaluate(RdsInstanceConfig db, AuditContext context) {
        if (!Boolean.FALSE.equals(db.autoMinorVersionUpgrade())) {
            return List.of();
        }
        return List.of(Evidence.of("auto-minor-version-upgrade", "Automatic minor version upgrades are off",
                Exposure.INTERNAL, Map.of("autoMinorVersionUpgrade", false)));
    }
}
