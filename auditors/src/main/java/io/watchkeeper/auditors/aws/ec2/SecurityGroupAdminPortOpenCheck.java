package io.watchkeeper.auditors.aws.ec2;

import com.google.auto.service.AutoService;
import io.watchkeeper.core.config.aws.SecurityGroupConfig;
import io.watchkeeper.core.config.aws.SecurityGroupConfig.Rule;
import io.watchkeeper.core.finding.AuditContext;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.CheckId;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import io.watchkeeper.core.finding.Severity;
import io.watchkeeper.core.model.ResourceType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Remote administration ports (SSH 22, RDP 3389) open to the whole internet. Reachability decides
 * exposure ({@link Reachability}): guarding something with a public address it is the internet;
 * otherwise the group is a loaded gun, scored as an internal weakness. A rule of the same group
 * that opens every port to the same source is reported once, by the all-ports check. Rules whose
 * sources only together cover the internet (0.0.0.0/1 + 128.0.0.0/1) are one finding per port and
 * family ({@link InternetUnions}).
 */
@AutoService(Check.class)
public final class SecurityGroupAdminPortOpenCheck implements Check<SecurityGroupConfig> {

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
    @Override public List<String> controls() { return CONTROLS; }
    @Override public Set<ResourceType> dependsOn() { return Reachability.TYPES; }

    /** CIS AWS 3.0 5.2 (from 0.0.0.0/0) and 5.3 (from ::/0); the all-ports check carries them too. */
    static final List<String> CONTROLS = List.of("CIS-AWS-3.0:5.2", "CIS-AWS-3.0:5.3");

    @Override
    public List<Evidence> evaluate(SecurityGroupConfig group, AuditContext context) {
        List<Evidence> out = new ArrayList<>();
        List<Rule> rules = Rules.of(group.ingress());
        Exposure exposure = null;
        for (Rule rule : rules) {
            if (!Rules.fromInternet(rule, context) || Rules.subsumedByAllPorts(rules, rule, context)) {
                continue;
            }
            for (var port : SensitivePorts.ADMIN.entrySet()) {
                if (SensitivePorts.exposesAdmin(rule, port.getKey())) {
                    exposure = exposure == null ? Reachability.exposure(group, context) : exposure;
                    out.add(Evidence.of(Rules.key("ingress", rule) + ":" + port.getKey(),
                            port.getValue() + " (" + port.getKey() + ") open to " + rule.source()
                                    + (exposure == Exposure.INTERNET ? " on an instance with a public IP"
                                    : " (no public instance attached)"), exposure, rule));
                }
            }
        }
        if (InternetUnions.possible(rules, context)) {
            for (var port : SensitivePorts.ADMIN.entrySet()) {
                for (InternetUnions.Union union : InternetUnions.port(rules, "tcp", port.getKey(),
                        SensitivePorts::exposesAdmin, context)) {
                    exposure = exposure == null ? Reachability.exposure(group, context) : exposure;
                    out.add(union.evidence(port.getValue() + " (" + port.getKey() + ")", exposure));
                }
            }
        }
        return out;
    }
}
