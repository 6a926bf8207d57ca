package io.watchkeeper.auditors.aws.ec2;

import com.google.auto.service.AutoService;
import io.watchkeeper.core.config.aws.SecurityGroupConfig;
import io.watchkeeper.core.config.aws.SecurityGroupConfig.Rule;
import io.watchkeeper.core.finding.AuditContext;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.CheckId;
import io.watchkeeper.core.finding.EntityClass;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import io.watchkeeper.core.finding.Severity;
import io.watchkeeper.core.model.ResourceType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Remote administration ports (SSH 22, RDP 3389) open to the whole internet. Reachability decides
 * exposure ({@link Reachability}): guarding something with a public address it is the internet;
 * otherwise the group is a loaded gun, scored as an internal weakness.
 */
@AutoService(Check.class)
public final class SecurityGroupAdminPortOpenCheck implements Check<SecurityGroupConfig> {

    private static final Map<Integer, String> PORTS = Map.of(22, "SSH", 3389, "RDP");

    @Override public CheckId id() { return CheckId.of("aws.ec2.security-group/admin-port-open"); }
    @Override public Class<SecurityGroupConfig> configType() { return SecurityGroupConfig.class; }
    @Override public Severity severity() { return Severity.HIGH; }
    @Override public String title() { return "Security group opens SSH or RDP to the internet"; }
    @Override public String rationale() {
        return "Administration ports reachable from 0.0.0.0/0 or ::/0 invite brute force and exploitation.";
    }
    @Override public String remediation() {
        return "Remove the rule; reach instances through SSM Session Manager, a bastion or a VPN range.";
    }
    @Override public List<String> controls() { return List.of("CIS-AWS-3.0:5.2", "CIS-AWS-3.0:5.3"); }
    @Override public Set<ResourceType> dependsOn() { return Reachability.TYPES; }

    @Override
    public List<Evidence> evaluate(SecurityGroupConfig group, AuditContext context) {
        List<Evidence> out = new ArrayList<>();
        boolean reachable = Reachability.publiclyReachable(group, context);
        for (Rule rule : group.ingress() == null ? List.<Rule>of() : group.ingress()) {
            if (rule == null || rule.sourceType() == null || !rule.sourceType().startsWith("cidr") || context.classifyNetwork(rule.source()) != EntityClass.INTERNET) {
                continue;
            }
            for (var port : PORTS.entrySet()) {
                if (rule.covers(port.getKey()) && ("-1".equals(rule.protocol()) || "tcp".equals(rule.protocol()) || "6".equals(rule.protocol()))) {
                    out.add(Evidence.of("ingress:" + rule.protocol() + ":" + rule.fromPort() + "-" + rule.toPort() + ":"
                                    + rule.source() + ":" + port.getKey(),
                            port.getValue() + " (" + port.getKey() + ") open to " + rule.source()
                                    + (reachable ? " on an instance with a public IP" : " (no public instance attached)"),
                            reachable ? Exposure.INTERNET : Exposure.INTERNAL, rule));
                }
            }
        }
        return out;
    }
}
