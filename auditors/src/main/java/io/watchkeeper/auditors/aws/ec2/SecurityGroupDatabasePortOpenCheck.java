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
 * Database ports open to 0.0.0.0/0 or ::/0; reachability (a public instance using the group) decides
 * exposure. A rule of the same group that opens every port to the same source is reported once, by
 * the all-ports check; rules that only together cover the internet are one finding per port and family.
 */
@AutoService(Check.class)
public final class SecurityGroupDatabasePortOpenCheck implements Check<SecurityGroupConfig> {

    @Override public CheckId id() { return CheckId.of("aws.ec2.security-group/database-port-open"); }
    @Override public Class<SecurityGroupConfig> configType() { return SecurityGroupConfig.class; }
    @Override public Severity severity() { return Severity.HIGH; }
    @Override public String title() { return "Security group opens a database port to the internet"; }
    @Override public String rationale() {
        return "Databases and caches reachable from 0.0.0.0/0 or ::/0 are scanned constantly; weak or default "
                + "credentials, unauthenticated caches (Redis, Memcached, Elasticsearch) and engine bugs lead to data theft.";
    }
    @Override public String remediation() {
        return "Remove the rule; allow the port only from the application's security group or private ranges.";
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
            for (var port : SensitivePorts.DATABASE.entrySet()) {
                if (SensitivePorts.exposesDatabase(rule, port.getKey())) {
                    exposure = exposure == null ? Reachability.exposure(group, context) : exposure;
                    out.add(Evidence.of(Rules.key("ingress", rule) + ":" + port.getKey(),
                            port.getValue() + " (" + port.getKey() + ") open to " + rule.source() + " "
                                    + Reachability.describe(exposure), exposure, rule));
                }
            }
        }
        if (InternetUnions.possible(rules, context)) {
            for (var port : SensitivePorts.DATABASE.entrySet()) {
                for (String protocol : port.getKey() == SensitivePorts.MEMCACHED ? List.of("tcp", "udp") : List.of("tcp")) {
                    for (InternetUnions.Union union : InternetUnions.port(rules, protocol, port.getKey(),
                            SensitivePorts::exposesDatabase, context)) {
                        exposure = exposure == null ? Reachability.exposure(group, context) : exposure;
                        out.add(union.evidence(port.getValue() + " (" + port.getKey() + ")", exposure));
                    }
                }
            }
        }
        return out;
    }
}
