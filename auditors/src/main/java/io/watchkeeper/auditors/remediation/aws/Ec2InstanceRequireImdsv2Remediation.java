package io.watchkeeper.auditors.remediation.aws;

import com.google.auto.service.AutoService;
import io.watchkeeper.core.config.aws.Ec2InstanceConfig;
import io.watchkeeper.core.config.aws.Ec2InstanceConfig.MetadataOptions;
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
import tools.jackson.databind.node.ObjectNode;

/**
 * Requires IMDSv2 session tokens on an instance (ModifyInstanceMetadataOptions HttpTokens
 * required, HttpEndpoint enabled); the other metadata options are left out of the call. Rollback
 * sets HttpTokens (and HttpEndpoint, when it was reported) back to the values stored before.
 */
@AutoService(Remediation.class)
public final class Ec2InstanceRequireImdsv2Remediation implements Remediation<Ec2InstanceConfig> {

    private static final Pattern INSTANCE_ID = Pattern.compile("i-[0-9a-f]{8}([0-9a-f]{9})?");
    private static final Pattern TOKENS = Pattern.compile("optional|required");
    private static final Pattern ENDPOINT = Pattern.compile("enabled|disabled");
    private static final Map<String, List<String>> CALLS = Map.of("ec2:ModifyInstanceMetadataOptions",
            List.of("Region", "InstanceId", "HttpTokens", "[HttpEndpoint]"));

    @Override public String id() { return "aws.ec2.instance/require-imdsv2"; }
    @Override public CheckId fixes() { return CheckId.of("aws.ec2.instance/imdsv1-allowed"); }
    @Override public Class<Ec2InstanceConfig> configType() { return Ec2InstanceConfig.class; }
    @Override public Set<String> requiredPermissions() { return Set.of("ec2:ModifyInstanceMetadataOptions"); }
    @Override public String description() {
        return "Require IMDSv2 session tokens for instance metadata (software still using IMDSv1 stops getting answers).";
    }

    @Override
    public RemediationPlan plan(FindingView finding, Ec2InstanceConfig config) {
        String instance = AwsCalls.valid(config.instanceId(), INSTANCE_ID, "instance id (i-…)");
        String region = AwsCalls.region(finding);
        AwsCalls.accept(this, finding, resource(region, finding.accountId(), instance), Set.of(fixes()));
        MetadataOptions imds = config.metadataOptions();
        if (imds == null) {
            throw new InvalidInputException("refusing to plan " + id() + ": the metadata options of " + instance
                    + " were not reported, so they could not be restored");
        }
        if (!imds.imdsV1Allowed()) {
            return AwsCalls.plan(this, finding, region, "nothing to do: IMDSv1 is not reachable on " + instance);
        }
        return AwsCalls.plan(this, finding, region, "Require IMDSv2 tokens on " + instance,
                call(region, instance, "required", "enabled"));
    }

    @Override
    public RemediationPlan rollback(RemediationPlan applied, Ec2InstanceConfig before) {
        String instance = AwsCalls.valid(before.instanceId(), INSTANCE_ID, "instance id (i-…)");
        String account = applied.resourceId().replaceFirst("^arn:aws[a-z-]*:ec2:[^:]*:([^:]*):.*$", "$1");
        MetadataOptions imds = before.metadataOptions();
        List<ApiCall> calls = applied.empty() || imds == null ? List.of() : List.of(call(applied.region(), instance,
                imds.httpTokens() == null ? "optional" : AwsCalls.valid(imds.httpTokens(), TOKENS, "HttpTokens"),
                imds.httpEndpoint() == null ? null : AwsCalls.valid(imds.httpEndpoint(), ENDPOINT, "HttpEndpoint")));
        return AwsCalls.rollback(this, applied, resource(applied.region(), account, instance),
                "Put back the previous metadata options of " + instance, calls);
    }

    @Override
    public void execute(ApiCall call, CloudSession session) {
        AwsCalls.expect(this, call, CALLS);
        var ec2 = AwsCalls.aws(session).ec2(AwsCalls.region(call));
        var p = call.parameters();
        String instance = AwsCalls.text(p, "InstanceId", INSTANCE_ID, "instance id (i-…)");
        String tokens = AwsCalls.text(p, "HttpTokens", TOKENS, "HttpTokens");
        String endpoint = p.has("HttpEndpoint") ? AwsCalls.text(p, "HttpEndpoint", ENDPOINT, "HttpEndpoint") : null;
        AwsCalls.run(call, () -> ec2.modifyInstanceMetadataOptions(r -> r.instanceId(instance).httpTokens(tokens)
                .httpEndpoint(endpoint)));
    }

    private static ApiCall call(String region, String instance, String tokens, String endpoint) {
        ObjectNode params = Json.object().put("Region", region).put("InstanceId", instance).put("HttpTokens", tokens);
        if (endpoint != null) {
            params.put("HttpEndpoint", endpoint);
        }
        return new ApiCall("ec2", "ModifyInstanceMetadataOptions", params);
    }

    private static String resource(String region, String account, String instance) {
        return "arn:aws:ec2:" + region + ":" + AwsCalls.valid(account, AwsCalls.ACCOUNT, "account id") + ":instance/" + instance;
    }
}
