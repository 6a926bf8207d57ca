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
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Database ports open to 0.0.0.0/0 or ::/0; reachability (a public instance using the group) decides exposure. */
@AutoService(Check.class)
public final class SecurityGroupDatabasePortOpenCheck implements Check<SecurityGroupConfig> {

    private static final Map<Integer, String> PORTS = new TreeMap<>(Map.of(3306, "MySQL", 5432, "PostgreSQL",
            1433, "SQL Server", 1521, "Oracle", 27017, "MongoDB", 6379, "Redis", 9200, "Elasticsearch",
            5439, "Redshift", 11211, "Memcached", 9042, "Cassandra"));
    private static final int MEMCACHED = 11211;

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
        for (Rule rule : Rules.of(group.ingress())) {
            if (!Rules.fromInternet(rule, context)) {
                continue;
            }
            for (var port : PORTS.entrySet()) {
                boolean protocol = Rules.tcp(rule) || port.getKey() == MEMCACHED && Rules.udp(rule);
                if (protocol && rule.covers(port.getKey())) {
                    exposure = exposure == null ? Reachability.exposure(group, context) : exposure;
                    out.add(Evidence.of(Rules.key("ingress", rule) + ":" + port.getKey(),
                            port.getValue() + " (" + port.getKey() + ") open to " + rule.source() + " "
                                    + Reachability.describe(exposure), exposure, rule));
                }
            }
        }
        return out;
    }
}
