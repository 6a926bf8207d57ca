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
 * A TCP or UDP port range open to 0.0.0.0/0 or ::/0 that no other check reports: not every port (the
 * all-ports check), holding no administration, database or service port (their checks), and not only
 * the web ports 80 and 443 (a web server is not a finding). Application and development ports (8080,
 * 3000, 9000…) published to the whole internet. One finding per rule.
 */
@AutoService(Check.class)
public final class SecurityGroupOtherPortOpenCheck implements Check<SecurityGroupConfig> {

    private static final Set<Integer> WEB = Set.of(80, 443);

    @Override public CheckId id() { return CheckId.of("aws.ec2.security-group/other-port-open"); }
    @Override public Class<SecurityGroupConfig> configType() { return SecurityGroupConfig.class; }
    @Override public Severity severity() { return Severity.LOW; }
    @Override public String title() { return "Security group opens a non-web port to the internet"; }
    @Override public String rationale() {
        return "Application, debug and development ports published to everyone are found by scanners within minutes;"
                + " they rarely have the hardening of a public web endpoint.";
    }
    @Override public String remediation() {
        return "Serve through a load balancer on 443, or allow the port only from the networks that need it.";
    }
    @Override public List<String> controls() { return List.of(); }
    @Override public Set<ResourceType> dependsOn() { return Reachability.TYPES; }

    @Override
    public List<Evidence> evaluate(SecurityGroupConfig group, AuditContext context) {
        List<Evidence> out = new ArrayList<>();
        Exposure exposure = null;
        for (Rule rule : Rules.of(group.ingress())) {
            if (Rules.allPorts(rule) || !(Rules.tcp(rule) || Rules.udp(rule)) || rule.fromPort() == null
                    || rule.toPort() == null || onlyWeb(rule) || sensitive(rule) || !Rules.fromInternet(rule, context)) {
                continue;
            }
            exposure = exposure == null ? Reachability.exposure(group, context) : exposure;
            out.add(Evidence.of(Rules.key("ingress", rule), Rules.describe(rule) + " open to " + rule.source() + " "
                    + Reachability.describe(exposure), exposure, rule));
        }
        return out;
    }

    private static boolean onlyWeb(Rule rule) {
        return rule.fromPort().equals(rule.toPort()) && WEB.contains(rule.fromPort()) && !Rules.udp(rule);
    }

    private static boolean sensitive(Rule rule) {
        for (var ports : List.of(SensitivePorts.ADMIN, SensitivePorts.DATABASE, SensitivePorts.SERVICE)) {
            for (int port : ports.keySet()) {
                if (rule.covers(port)) {
                    return true;
                }
            }
        }
        return false;
    }
}
