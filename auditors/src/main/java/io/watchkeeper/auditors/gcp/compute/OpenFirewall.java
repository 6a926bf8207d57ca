package io.watchkeeper.auditors.gcp.compute;

import io.watchkeeper.auditors.gcp.Members;
import io.watchkeeper.core.config.gcp.GcpFirewallConfig;
import io.watchkeeper.core.config.gcp.GcpFirewallConfig.Rule;
import io.watchkeeper.core.finding.AuditContext;
import io.watchkeeper.core.finding.EntityClass;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import io.watchkeeper.core.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A firewall rule as the open-port checks read it: an enabled INGRESS allow rule with an internet source
 * range (0.0.0.0/0 or ::/0). One misconfiguration, one finding: an entry that allows every port of a
 * protocol (protocol {@code all}, or tcp/udp without ports, or 0-65535) is the all-ports check's, and the
 * port checks skip it.
 */
final class OpenFirewall {

    static final Map<Integer, String> ADMIN = new TreeMap<>(Map.of(22, "SSH", 3389, "RDP"));
    static final Map<Integer, String> DATABASE = new TreeMap<>(Map.of(3306, "MySQL", 5432, "PostgreSQL",
            1433, "SQL Server", 1521, "Oracle", 27017, "MongoDB", 6379, "Redis", 9200, "Elasticsearch",
            11211, "Memcached", 9042, "Cassandra", 5984, "CouchDB"));

    private OpenFirewall() {}

    /** The rule's internet source ranges, when it is an enabled ingress allow rule; else none. */
    static List<String> internetSources(GcpFirewallConfig rule, AuditContext context) {
        if (rule.disabled() || rule.direction() != null && !"INGRESS".equalsIgnoreCase(rule.direction())) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String source : Members.list(rule.sourceRanges())) {
            if (context.classifyNetwork(source) == EntityClass.INTERNET) {
                out.add(source.strip());
            }
        }
        return out;
    }

    static List<Rule> allowed(GcpFirewallConfig rule) {
        return Members.list(rule.allowed()).stream().filter(r -> r.protocol() != null).toList();
    }

    private static List<String> ports(Rule r) {
        return r.ports() == null ? List.of() : Members.list(r.ports());
    }

    /** Whether the entry allows every port: protocol all, or tcp/udp/sctp without ports or with 0-65535 / 1-65535. */
    static boolean allPorts(Rule r) {
        String p = r.protocol().toLowerCase(Locale.ROOT);
        if ("all".equals(p)) {
            return true;
        }
        if (!p.equals("tcp") && !p.equals("udp") && !p.equals("sctp")) {
            return false;
        }
        List<String> ports = ports(r);
        return ports.isEmpty() || ports.stream().anyMatch(x -> x.strip().equals("0-65535") || x.strip().equals("1-65535"));
    }

    /** Whether the entry allows TCP {@code port} (port lists only; all-ports entries excluded). */
    static boolean tcpPort(Rule r, int port) {
        if (allPorts(r)) {
            return false;
        }
        return new Rule(r.protocol().toLowerCase(Locale.ROOT), ports(r)).covers("tcp", port);
    }

    /** Evidence that {@code rule} lets {@code source} reach {@code what}. */
    static Evidence evidence(GcpFirewallConfig rule, String key, String message, Rule entry, String source) {
        return Members.evidence(key, message, Exposure.INTERNET, Json.object().put("protocol", entry.protocol())
                .put("ports", String.join(",", ports(entry))).put("source", source)
                .put("targetTags", String.join(",", Members.list(rule.targetTags())))
                .put("network", rule.network()));
    }
}
