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
 * All traffic, or a tcp/udp range of 1000 ports or more, open to the internet. The evidence names the
 * administration and database ports the rule exposes; when the rule opens every port, the port checks
 * stay silent for its source (one misconfiguration, one finding), so this check carries the CIS
 * controls of the admin-port check. All-port rules whose sources only together cover the internet
 * are one finding per protocol and family ({@link InternetUnions}).
 */
@AutoService(Check.class)
public final class SecurityGroupAllPortsOpenCheck implements Check<SecurityGroupConfig> {

    static final int WIDE = 1000;

    @Override public CheckId id() { return CheckId.of("aws.ec2.security-group/all-ports-open"); }
    @Override public Class<SecurityGroupConfig> configType() { return SecurityGroupConfig.class; }
    @Override public Severity severity() { return Severity.CRITICAL; }
    @Override public String title() { return "Security group opens all (or a wide range of) ports to the internet"; }
    @Override public String rationale() {
        return "Every service listening on the instances, including ones nobody meant to publish, is reachable "
                + "from 0.0.0.0/0 or ::/0; the group no longer filters anything.";
    }
    @Override public String remediation() {
        return "Replace the rule with rules for the few ports the service needs, from the sources that need them.";
    }
    @Override public List<String> controls() { return SecurityGroupAdminPortOpenCheck.CONTROLS; }
    @Override public Set<ResourceType> dependsOn() { return Reachability.TYPES; }

    @Override
    public List<Evidence> evaluate(SecurityGroupConfig group, AuditContext context) {
        List<Evidence> out = new ArrayList<>();
        List<Rule> rules = Rules.of(group.ingress());
        for (Rule rule : rules) {
            if (wide(rule) && Rules.fromInternet(rule, context)) {
                Exposure exposure = Reachability.exposure(group, context);
                List<String> ports = SensitivePorts.exposedBy(rule);
                out.add(Evidence.of(Rules.key("ingress", rule), Rules.describe(rule) + " open to " + rule.source() + " "
                        + Reachability.describe(exposure) + (ports.isEmpty() ? "" : "; exposes " + String.join(", ", ports)),
                        exposure, rule));
            }
        }
        if (InternetUnions.possible(rules, context)) {
            List<InternetUnions.Union> tcp = InternetUnions.allPorts(rules, "tcp", context);
            List<InternetUnions.Union> udp = new ArrayList<>(InternetUnions.allPorts(rules, "udp", context));
            for (InternetUnions.Union union : tcp) {
                // all-traffic rules open tcp and udp alike: one finding for both
                boolean both = udp.removeIf(u -> u.family() == union.family() && u.rules().equals(union.rules()));
                InternetUnions.Union reported = both ? new InternetUnions.Union("all", "all", union.family(), union.rules())
                        : union;
                out.add(reported.evidence(both ? "All traffic" : "Every tcp port", Reachability.exposure(group, context)));
            }
            for (InternetUnions.Union union : udp) {
                out.add(union.evidence("Every udp port", Reachability.exposure(group, context)));
            }
        }
        return out;
    }

    static boolean wide(Rule rule) {
        if (Rules.allProtocols(rule)) {
            return true;
        }
        if (!Rules.tcp(rule) && !Rules.udp(rule)) {
            return false;
        }
        Integer from = rule.fromPort();
        Integer to = rule.toPort();
        return from == null || to == null || from == -1 || to - from + 1 >= WIDE;
    }
}
