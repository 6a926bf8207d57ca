package io.watchkeeper.auditors.gcp.compute;

import com.google.auto.service.AutoService;
import io.watchkeeper.auditors.gcp.GcpCheck;
import io.watchkeeper.core.config.gcp.GcpFirewallConfig;
import io.watchkeeper.core.config.gcp.GcpFirewallConfig.Rule;
import io.watchkeeper.core.finding.AuditContext;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** An ingress rule opens a database or cache port (MySQL, PostgreSQL, Redis, …) to the internet. */
@AutoService(Check.class)
public final class FirewallDatabasePortOpenCheck extends GcpCheck<GcpFirewallConfig> {

    public FirewallDatabasePortOpenCheck() {
        super("gcp.compute.firewall/database-port-open", GcpFirewallConfig.class, Severity.HIGH,
                "Firewall rule opens a database port to the internet",
                "Databases and caches answer unauthenticated or weakly authenticated requests; exposed ones are"
                        + " found by scanners and ransomed.",
                "Remove the internet source range; let applications reach the database on internal addresses or"
                        + " through private service access.");
    }

    @Override
    public List<Evidence> evaluate(GcpFirewallConfig rule, AuditContext context) {
        List<Evidence> out = new ArrayList<>();
        for (String source : OpenFirewall.internetSources(rule, context)) {
            for (Map.Entry<Integer, String> port : OpenFirewall.DATABASE.entrySet()) {
                for (Rule entry : OpenFirewall.allowed(rule)) {
                    if (OpenFirewall.tcpPort(entry, port.getKey())) {
                        out.add(OpenFirewall.evidence(rule, "ingress:tcp:" + port.getKey() + ":" + source, port.getValue()
                                + " (tcp/" + port.getKey() + ") is open to " + source, entry, source));
                        break;
                    }
                }
            }
        }
        return out;
    }
}
