package io.watchkeeper.auditors.remediation.aws;

import com.google.auto.service.AutoService;
import io.watchkeeper.core.config.aws.CloudTrailTrailConfig;
import io.watchkeeper.core.finding.CheckId;
import io.watchkeeper.core.finding.FindingView;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.model.InvalidInputException;
import io.watchkeeper.core.remediation.ApiCall;
import io.watchkeeper.core.remediation.Remediation;
import io.watchkeeper.core.remediation.RemediationPlan;
import io.watchkeeper.core.watch.CloudSession;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Starts a stopped trail (StartLogging in its home region). The call names the trail by name,
 * which is unique per account and region, after the stored ARN has been checked to be the
 * finding's resource, in that region and account: a trail owned by another account (an
 * organization trail seen from a member account) is refused, since only its owner can start it.
 * Rollback stops logging again (StopLogging).
 */
@AutoService(Remediation.class)
public final class CloudTrailTrailStartLoggingRemediation implements Remediation<CloudTrailTrailConfig> {

    private static final String NAME = "[A-Za-z0-9][A-Za-z0-9._-]{1,126}[A-Za-z0-9]";
    private static final Map<String, List<String>> CALLS = Map.of("cloudtrail:StartLogging", List.of("Region", "Name"),
            "cloudtrail:StopLogging", List.of("Region", "Name"));

    @Override public String id() { return "aws.cloudtrail.trail/start-logging"; }
    @Override public CheckId fixes() { return CheckId.of("aws.cloudtrail.trail/not-logging"); }
    @Override public Class<CloudTrailTrailConfig> configType() { return CloudTrailTrailConfig.class; }
    @Override public Set<String> requiredPermissions() { return Set.of("cloudtrail:StartLogging", "cloudtrail:StopLogging"); }
    @Override public String description() { return "Start logging on the stopped trail."; }

    @Override
    public RemediationPlan plan(FindingView finding, CloudTrailTrailConfig config) {
        String region = AwsCalls.region(finding);
        String name = AwsCalls.valid(config.name(), Pattern.compile(NAME), "trail name");
        String arn = AwsCalls.valid(config.trailArn(), arn(region, "\\d{12}", name), "ARN of trail " + name + " in " + region);
        AwsCalls.accept(this, finding, arn, Set.of(fixes()));
        if (Boolean.TRUE.equals(config.isLogging())) {
            return AwsCalls.plan(this, finding, region, "nothing to do: the trail is logging");
        }
        String account = AwsCalls.valid(finding.accountId(), AwsCalls.ACCOUNT, "account id");
        if (!arn(region, Pattern.quote(account), name).matcher(arn).matches()) {
            throw new InvalidInputException("refusing to plan " + id() + ": trail " + arn + " belongs to another account, "
                    + "which alone can start it");
        }
        return AwsCalls.plan(this, finding, region, "Start logging on trail " + name, call("StartLogging", region, name));
    }

    @Override
    public RemediationPlan rollback(RemediationPlan applied, CloudTrailTrailConfig before) {
        String name = AwsCalls.valid(before.name(), Pattern.compile(NAME), "trail name");
        String arn = AwsCalls.valid(before.trailArn(), arn(applied.region(), "\\d{12}", name), "ARN of trail " + name);
        List<ApiCall> calls = AwsCalls.calls(applied, "StartLogging").isEmpty() || !Boolean.FALSE.equals(before.isLogging())
                ? List.of() : List.of(call("StopLogging", applied.region(), name));
        return AwsCalls.rollback(this, applied, arn, "Stop logging on trail " + name + " again", calls);
    }

    @Override
    public void execute(ApiCall call, CloudSession session) {
        AwsCalls.expect(this, call, CALLS);
        var cloudTrail = AwsCalls.aws(session).cloudTrail(AwsCalls.region(call));
        String name = AwsCalls.text(call.parameters(), "Name", Pattern.compile(NAME), "trail name");
        switch (call.service() + ":" + call.operation()) {
            case "cloudtrail:StartLogging" -> AwsCalls.run(call, () -> cloudTrail.startLogging(r -> r.name(name)));
            case "cloudtrail:StopLogging" -> AwsCalls.run(call, () -> cloudTrail.stopLogging(r -> r.name(name)));
            default -> throw AwsCalls.unknown(this, call);
        }
    }

    private static ApiCall call(String operation, String region, String name) {
        return new ApiCall("cloudtrail", operation, Json.object().put("Region", region).put("Name", name));
    }

    /** ARNs of trail {@code name} in {@code region} of accounts matching {@code account}. */
    private static Pattern arn(String region, String account, String name) {
        return Pattern.compile("arn:aws[a-z-]*:cloudtrail:" + Pattern.quote(region) + ":" + account + ":trail/"
                + Pattern.quote(name));
    }
}
