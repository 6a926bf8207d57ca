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

/** CloudTrail trail is not logging. */
@AutoService(Check.class)
public final class CloudTrailTrailNotLoggingCheck implements Check<CloudTrailTrailConfig> {

    @Override public CheckId id() { return CheckId.of("aws.cloudtrail.trail/not-logging"); }
    @Override public Class<CloudTrailTrailConfig> configType() { return CloudTrailTrailConfig.class; }
    @Override public Severity severity() { return Severity.HIGH; }
    @Override public String title() { return "CloudTrail trail is not logging"; }
    @Override public String rationale() {
        return "A stopped trail records nothing: API activity, including an intruder's, leaves no trace; StopLogging is a classic first move.";
    }
    @Override public String remediation() {
        return "Start logging again (start-trail), find out who stopped it, and alert on StopLogging and DeleteTrail.";
    }
    /** CIS AWS 3.0 3.1 is decided for the account ({@link CloudTrailTrailNoMultiRegionManagementTrailCheck}). */
    @Override public List<String> controls() { return List.of(); }

    @Override
    public List<Evidence> evaluate(CloudTrailTrailConfig trail, AuditContext context) {
        if (!Boolean.FALSE.equals(trail.isLogging())) {
            return List.of();
        }
        return List.of(Evidence.of("logging", "Trail is not logging",
                Exposure.INTERNAL, Map.of("isLogging", false)));
    }
}
