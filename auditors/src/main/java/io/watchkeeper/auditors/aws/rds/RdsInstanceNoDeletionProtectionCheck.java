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

/**
 * The instance has no deletion protection. Not reported for cluster members (Aurora, DocumentDB,
 * Neptune): their protection is a cluster setting and the instance always reports it off.
 */
@AutoService(Check.class)
public final class RdsInstanceNoDeletionProtectionCheck implements Check<RdsInstanceConfig> {

    @Override public CheckId id() { return CheckId.of("aws.rds.instance/no-deletion-protection"); }
    @Override public Class<RdsInstanceConfig> configType() { return RdsInstanceConfig.class; }
    @Override public Severity severity() { return Severity.LOW; }
    @Override public String title() { return "RDS instance has no deletion protection"; }
    @Override public String rationale() {
        return "A stray console click, script or stolen credential can delete the database in one call.";
    }
    @Override public String remediation() {
        return "Turn on deletion protection (modify-db-instance --deletion-protection).";
    }
    @Override public List<String> controls() { return List.of(); }

    @Override
    public List<Evidence> evaluate(RdsInstanceConfig db, AuditContext context) {
        if (!Boolean.FALSE.equals(db.deletionProtection()) || clusterMember(db.engine())) {
            return List.of();
        }
        return List.of(Evidence.of("deletion-protection", "Deletion protection is off",
                Exposure.INTERNAL, Map.of("deletionProtection", false)));
    }

    private static boolean clusterMember(String engine) {
        return engine != null && (engine.startsWith("aurora") || engine.startsWith("docdb") || engine.startsWith("neptune"));
    }
}
