package io.watchkeeper.auditors.aws.cloudtrail;

import com.google.auto.service.AutoService;
import io.watchkeeper.core.config.aws.CloudTrailTrailConfig;
import io.watchkeeper.core.finding.AuditContext;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.CheckId;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import io.watchkeeper.core.finding.Severity;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.model.ResourceType;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import tools.jackson.databind.node.ObjectNode;

/**
 * CIS AWS 3.0 3.1, an account-level control: no trail of the account is multi-region, logging, and
 * recording read and write management events. Reported once per account, on the account's first
 * trail by ARN (one misconfiguration, one finding); an account without any trail has no item to
 * carry it, and the compliance report fails the control for that account instead.
 */
@AutoService(Check.class)
public final class CloudTrailTrailNoMultiRegionManagementTrailCheck implements Check<CloudTrailTrailConfig> {

    @Override public CheckId id() { return CheckId.of("aws.cloudtrail.trail/no-multi-region-management-trail"); }
    @Override public Class<CloudTrailTrailConfig> configType() { return CloudTrailTrailConfig.class; }
    @Override public Severity severity() { return Severity.HIGH; }
    @Override public String title() {
        return "No multi-region trail logs the account's read and write management events";
    }
    @Override public String rationale() {
        return "Without one trail that logs every region's management events, reads and writes, activity in the other"
                + " regions (an intruder's favourite place) leaves no record to investigate.";
    }
    @Override public String remediation() {
        return "Create (or update) one trail with --is-multi-region-trail, start logging, and keep an event selector"
                + " with IncludeManagementEvents true and ReadWriteType All.";
    }
    @Override public List<String> controls() { return List.of("CIS-AWS-3.0:3.1"); }
    @Override public Set<ResourceType> dependsOn() { return Set.of(AccountTrails.TRAIL); }

    @Override
    public List<Evidence> evaluate(CloudTrailTrailConfig trail, AuditContext context) {
        List<CloudTrailTrailConfig> trails = AccountTrails.of(trail, context);
        if (trails.stream().anyMatch(AccountTrails::coversTheAccount) || !AccountTrails.same(trails.getFirst(), trail)) {
            return List.of();
        }
        ObjectNode details = Json.object();
        details.set("trails", Json.tree(trails.stream().map(t -> Objects.requireNonNullElse(t.name(), "?")).toList()));
        return List.of(new Evidence("account", "None of the account's " + trails.size() + " trail(s) is multi-region,"
                + " logging and recording read and write management events", Exposure.INTERNAL, details));
    }
}
