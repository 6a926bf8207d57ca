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
import io.watchkeeper.core.model.ResourceType;
import java.util.Map;
import java.util.Set;

/**
 * CloudTrail trail logs only its home region, and no other trail of the account covers every region
 * (a single-region trail next to a multi-region one that logs management events is a choice, not a gap).
 * CIS AWS 3.0 3.1 is decided for the account ({@link CloudTrailTrailNoMultiRegionManagementTrailCheck}).
 */
@AutoService(Check.class)
public final class CloudTrailTrailNotMultiRegionCheck implements Check<CloudTrailTrailConfig> {

    @Override public CheckId id() { return CheckId.of("aws.cloudtrail.trail/not-multi-region"); }
    @Override public Class<CloudTrailTrailConfig> configType() { return CloudTrailTrailConfig.class; }
    @Override public Severity severity() { return Severity.MEDIUM; }
    @Override public String title() { return "CloudTrail trail logs only its home region"; }
    @Override public String rationale() {
        return "Activity in every other region (an attacker's favourite place to run instances) goes unrecorded by this trail.";
    }
    @Override public String remediation() {
        return "Make the trail multi-region (update-trail --is-multi-region-trail), or replace it with one multi-region trail.";
    }
    @Override public List<String> controls() { return List.of(); }
    @Override public Set<ResourceType> dependsOn() { return Set.of(AccountTrails.TRAIL); }

    @Override
    public List<Evidence> evaluate(CloudTrailTrailConfig trail, AuditContext context) {
        if (!Boolean.FALSE.equals(trail.isMultiRegionTrail()) || AccountTrails.accountCovered(trail, context)) {
            return List.of();
        }
        return List.of(Evidence.of("multi-region", "Trail logs only its home region",
                Exposure.INTERNAL, Map.of("isMultiRegionTrail", false)));
    }
}
