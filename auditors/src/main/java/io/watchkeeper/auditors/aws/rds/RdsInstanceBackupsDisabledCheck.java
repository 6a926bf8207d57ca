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

/** RDS instance has automated backups disabled. */
@AutoService(Check.class)
public final class RdsInstanceBackupsDisabledCheck implements Check<RdsInstanceConfig> {

    @Override public CheckId id() { return CheckId.of("aws.rds.instance/backups-disabled"); }
    @Override public Class<RdsInstanceConfig> configType() { return RdsInstanceConfig.class; }
    @Override public Severity severity() { return Severity.MEDIUM; }
    @Override public String title() { return "RDS instance has automated backups disabled"; }
    @Override public String rationale() {
        return "Without automated backups there is no point-in-time recovery after a mistake, corruption or ransomware.";
    }
    @Override public String remediation() {
        return "Set a backup retention period of at least 7 days (modify-db-instance --backup-retention-period 7).";
    }
    @Override public List<String> controls() { return List.of(); }

    @Override
    public List<Evidence> evaluate(RdsInstanceConfig db, AuditContext context) {
        if (db.backupRetentionPeriod() == null || db.backupRetentionPeriod() != 0) {
            return List.of();
        }
        return List.of(Evidence.of("backups", "Automated backups are disabled (retention 0 days)",
                Exposure.INTERNAL, Map.of("backupRetentionPeriod", 0)));
    }
}
