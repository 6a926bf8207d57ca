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

/** RDS instance storage is not encrypted. */
@AutoService(Check.class)
public final class RdsInstanceUnencryptedCheck implements Check<RdsInstanceConfig> {

    @Override public CheckId id() { return CheckId.of("aws.rds.instance/unencrypted"); }
    @Override public Class<RdsInstanceConfig> configType() { return RdsInstanceConfig.class; }
    @Override public Severity severity() { return Severity.MEDIUM; }
    @Override public String title() { return "RDS instance storage is not encrypted"; }
    @Override public String rationale() {
        return "Unencrypted storage, its snapshots and read replicas are readable by anyone who obtains a copy, without KMS access control or audit.";
    }
    @Override public String remediation() {
        return "Encryption cannot be turned on in place: restore an encrypted copy of a snapshot into a new instance and switch over.";
    }
    @Override public List<String> controls() { return List.of("CIS-AWS-3.0:2.3.1"); }

    @Override
    public List<Evidence> evaluate(RdsInstanceConfig db, AuditContext context) {
        if (!Boolean.FALSE.equals(db.storageEncrypted())) {
            return List.of();
        }
        return List.of(Evidence.of("encryption", "Storage is not encrypted",
                Exposure.INTERNAL, Map.of("storageEncrypted", false)));
    }
}
