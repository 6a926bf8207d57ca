package io.watchkeeper.auditors.aws.cloudtrail;

import com.google.auto.service.AutoService;
import io.watchkeeper.core.config.aws.CloudTrailTrailConfig;
import io.watchkeeper.core.finding.AuditContext;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.CheckId;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import io.watchkeeper.core.finding.Severity;
import java.util.List;
import java.util.Map;

/** CloudTrail log file validation is off. */
@AutoService(Check.class)
public final class CloudTrailTrailLogValidationOffCheck implements Check<CloudTrailTrailConfig> {

    @Override public CheckId id() { return CheckId.of("aws.cloudtrail.trail/log-validation-off"); }
    @Override public Class<CloudTrailTrailConfig> configType() { return CloudTrailTrailConfig.class; }
    @Override public Severity severity() { return Severity.MEDIUM; }
    @Override public String title() { return "CloudTrail log file validation is off"; }
    @Override public String rationale() {
        return "Without digest files nobody can prove that log files were not altered or deleted after delivery.";
    }
    @Override public String remediation() {
        return "Turn on log file validation (update-trail --enable-log-file-validation).";
    }
    @Override public List<String> controls() { return List.of("CIS-AWS-3.0:3.2"); }

    @Override
    public List<Evidence> evaluate(CloudTrailTrailConfig trail, AuditContext context) {
        if (!Boolean.FALSE.equals(trail.logFileValidationEnabled())) {
            return List.of();
        }
        return List.of(Evidence.of("log-file-validation", "Log file validation is off",
                Exposure.INTERNAL, Map.of("logFileValidationEnabled", false)));
    }
}
