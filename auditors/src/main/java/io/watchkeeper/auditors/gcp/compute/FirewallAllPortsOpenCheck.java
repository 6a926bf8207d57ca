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

/**
 * An ingress rule allows every port of a protocol (or every protocol) from the internet. It subsumes the
 * SSH, RDP and database-port findings of the same entry, so it carries CIS 3.6 and 3.7 too.
 */
@AutoService(Check.class)
public final class FirewallAllPortsOpenCheck extends GcpCheck<GcpFirewallConfig> {

    public FirewallAllPortsOpenCheck() {
        super("gcp.compute.firewall/all-ports-open", GcpFirewallConfig.class, Severity.CRITICAL,
                "Firewall rule opens every port to the internet",
                "Every service on the targeted instances, including SSH, RDP and databases, is reachable from any address.",
                "Narrow the rule's source ranges to known networks and its ports to the services meant to be public,"
                        + " or disable it (gcloud compute firewall-rules update --disabled).", "3.6", "3.7");
    }

    @Override
    public List<Evidence> evaluate(GcpFirewallConfig rule, AuditContext context) {
        List<Evidence> out = new ArrayList<>();
        for (String source : OpenFirewall.internetSources(rule, context)) {
            for (Rule entry : OpenFirewall.allowed(rule)) {
                if (OpenFirewall.allPorts(entry)) {
                    out.add(OpenFirewall.evidence(rule, "ingress:" + entry.protocol() + ":all:" + source,
                            "Every " + entry.protocol() + " port is open to " + source, entry, source));
                }
            }
        }
        return out;
    }
}
