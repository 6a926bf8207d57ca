package io.watchkeeper.auditors.remediation.aws;

import com.google.auto.service.AutoService;
import io.watchkeeper.core.config.aws.SecurityGroupConfig;
import io.watchkeeper.core.config.aws.SecurityGroupConfig.Rule;
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
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.ec2.model.IpPermission;

/**
 * Revokes the one ingress rule a finding names (its evidence is the rule: protocol, ports and an
 * IPv4 or IPv6 CIDR) while the stored group still has it; other sources of the same ports stay.
 * Fixes the admin-port, database-port and all-ports findings alike. Rollback authorizes the same
 * rule again with the description it had before.
 */
@AutoService(Remediation.class)
public final class SecurityGroupRevokeOpenIngressRemediation implements Remediation<SecurityGroupConfig> {

    private static final Pattern GROUP_ID = Pattern.compile("sg-[0-9a-f]{8}([0-9a-f]{9})?");
    private static final Set<CheckId> FIXES = Set.of(CheckId.of("aws.ec2.security-group/admin-port-open"),
            CheckId.of("aws.ec2.security-group/database-port-open"), CheckId.of("aws.ec2.security-group/all-ports-open"));
    private static final List<String> PARAMETERS = List.of("Region", "GroupId", "IpPermissions");
    private static final Map<String, List<String>> CALLS = Map.of("ec2:RevokeSecurityGroupIngress", PARAMETERS,
            "ec2:AuthorizeSecurityGroupIngress", PARAMETERS);

    @Override public String id() { return "aws.ec2.security-group/revoke-open-ingress"; }
    @Override public CheckId fixes() { return CheckId.of("aws.ec2.security-group/admin-port-open"); }
    @Override public Class<SecurityGroupConfig> configType() { return SecurityGroupConfig.class; }
    @Override public Set<String> requiredPermissions() {
        return Set.of("ec2:RevokeSecurityGroupIngress", "ec2:AuthorizeSecurityGroupIngress");
    }
    @Override public String description() { return "Revoke the ingress rule that opens the group to the internet."; }

    @Override
    public RemediationPlan plan(FindingView finding, SecurityGroupConfig config) {
        String group = AwsCalls.valid(config.groupId(), GROUP_ID, "security group id (sg-…)");
        String region = AwsCalls.region(finding);
        AwsCalls.accept(this, finding, resource(region, config.ownerId(), group), FIXES);
        if (finding.evidence() == null || !finding.evidence().isObject()) {
            throw new InvalidInputException("refusing to plan " + id() + ": the finding's evidence names no rule");
        }
        Rule rule = Json.mapper().treeToValue(finding.evidence(), Rule.class);
        ApiCall revoke = call("RevokeSecurityGroupIngress", region, group, rule, false);
        if (IpPermissions.find(config.ingress(), rule) == null) {
            return AwsCalls.plan(this, finding, region, "nothing to do: group " + group + " no longer has the rule");
        }
        return AwsCalls.plan(this, finding, region, "Revoke ingress " + rule.protocol() + " " + rule.fromPort() + "-"
                + rule.toPort() + " from " + rule.source() + " in " + group, revoke);
    }

    @Override
    public RemediationPlan rollback(RemediationPlan applied, SecurityGroupConfig before) {
        String group = AwsCalls.valid(before.groupId(), GROUP_ID, "security group id (sg-…)");
        List<ApiCall> calls = AwsCalls.calls(applied, "RevokeSecurityGroupIngress").stream()
                .map(c -> IpPermissions.find(before.ingress(), IpPermissions.read(c.parameters())))
                .filter(Objects::nonNull)
                .map(r -> call("AuthorizeSecurityGroupIngress", applied.region(), group, r, true))
                .toList();
        return AwsCalls.rollback(this, applied, resource(applied.region(), before.ownerId(), group),
                "Authorize the revoked rule again, with its description, in " + group, calls);
    }

    @Override
    public void execute(ApiCall call, CloudSession session) {
        AwsCalls.expect(this, call, CALLS);
        var ec2 = AwsCalls.aws(session).ec2(AwsCalls.region(call));
        String group = AwsCalls.text(call.parameters(), "GroupId", GROUP_ID, "security group id (sg-…)");
        IpPermission permission = IpPermissions.sdk(IpPermissions.read(call.parameters()));
        switch (call.service() + ":" + call.operation()) {
            case "ec2:RevokeSecurityGroupIngress" -> {
                var response = AwsCalls.run(call, () -> ec2.revokeSecurityGroupIngress(r -> r.groupId(group)
                        .ipPermissions(permission)));
                // A VPC group answers success, naming the rule "unknown", when it does not have it.
                if (response.hasUnknownIpPermissions() && !response.unknownIpPermissions().isEmpty()) {
                    throw new IllegalStateException("group " + group + " does not have the rule any more: nothing revoked");
                }
            }
            case "ec2:AuthorizeSecurityGroupIngress" -> AwsCalls.run(call, () -> ec2.authorizeSecurityGroupIngress(r -> r
                    .groupId(group).ipPermissions(permission)));
            default -> throw AwsCalls.unknown(this, call);
        }
    }

    private static ApiCall call(String operation, String region, String group, Rule rule, boolean withDescription) {
        return new ApiCall("ec2", operation, IpPermissions.write(Json.object().put("Region", region).put("GroupId", group),
                rule, withDescription));
    }

    private static String resource(String region, String owner, String group) {
        return "arn:aws:ec2:" + region + ":" + AwsCalls.valid(owner, AwsCalls.ACCOUNT, "owner account id")
                + ":security-group/" + group;
    }
}
