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
 * Plaintext or sensitive service ports (Telnet, FTP, SMB, LDAP, Kafka, Kibana, VNC, WinRM, Docker,
 * etcd, Kubernetes, NFS…: {@link SensitivePorts#SERVICE}) open to 0.0.0.0/0 or ::/0, TCP. As for the
 * database ports, a rule opening every port to the same source is reported once by the all-ports
 * check, and rules that only together cover the internet are one finding per port and family.
 */
@AutoService(Check.class)
public final class SecurityGroupServicePortOpenCheck implements Check<SecurityGroupConfig> {

    @Override public CheckId id() { return CheckId.of("aws.ec2.security-group/service-port-open"); }
    @Override public Class<SecurityGroupConfig> configType() { return SecurityGroupConfig.class; }
    @Override public Severity severity() { return Severity.HIGH; }
    @Override public String title() { return "Security group opens a plaintext or sensitive service port to the internet"; }
    @Override public String rationale() {
        return "Telnet, FTP and LDAP send credentials in clear text; SMB, NetBIOS, VNC, WinRM, brokers, dashboards and"
                + " container or cluster APIs are routinely exploited or unauthenticated when reachable from anywhere.";
    }
    @Override public String remediation() {
        return "Remove the rule; reach the service through a VPN, Session Manager or a load balancer with TLS, and allow"
                + " the port only from known networks or security groups.";
    }
    @Override public List<String> controls() { return List.of(); }
    @Override public Set<ResourceType> dependsOn() { return Reachability.TYPES; }

    @Override
    public List<Evidence> evaluate(SecurityGroupConfig group, AuditContext context) {
        List<Evidence> out = new ArrayList<>();
        Exposure exposure = null;
        List<Rule> rules = Rules.of(group.ingress());
        for (Rule rule : rules) {
            if (!Rules.fromInternet(rule, context) || Rules.subsumedByAllPorts(rules, rule, context)) {
                continue;
            }
            for (var port : SensitivePorts.SERVICE.entrySet()) {
                if (SensitivePorts.exposesService(rule, port.getKey())) {
                    exposure = exposure == null ? Reachability.exposure(group, context) : exposure;
                    out.add(Evidence.of(Rules.key("ingress", rule) + ":" + port.getKey(),
                            port.getValue() + " (" + port.getKey() + ") open to " + rule.source() + " "
                                    + Reachability.describe(exposure), exposure, rule));
                }
            }
        }
        if (InternetUnions.possible(rules, context)) {
            for (var port : SensitivePorts.SERVICE.entrySet()) {
                for (InternetUnions.Union union : InternetUnions.port(rules, "tcp", port.getKey(),
                        SensitivePorts::exposesService, context)) {
                    exposure = exposure == null ? Reachability.exposure(group, context) : exposure;
                    out.add(union.evidence(port.getValue() + " (" + port.getKey() + ")", exposure));
                }
            }
        }
        return out;
    }
}
