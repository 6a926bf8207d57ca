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

/** CIS 3.6: an ingress rule opens SSH (TCP 22) to the internet (entries opening every port are the all-ports check's). */
@AutoService(Check.class)
public final class FirewallSshOpenCheck extends GcpCheck<GcpFirewallConfig> {

    public FirewallSshOpenCheck() {
        super("gcp.compute.firewall/ssh-open", GcpFirewallConfig.class, Severity.HIGH,
                "Firewall rule opens SSH (22) to the internet",
                "SSH is scanned and brute-forced from the whole internet within minutes of exposure; one weak"
                        + " credential or unpatched daemon is a way in.",
                "Limit the source ranges to known networks, or reach instances through Identity-Aware Proxy TCP"
                        + " forwarding (35.235.240.0/20) and remove the rule.", "3.6");
    }

    @Override
    public List<Evidence> evaluate(GcpFirewallConfig rule, AuditContext context) {
        List<Evidence> out = new ArrayList<>();
        for (String source : OpenFirewall.internetSources(rule, context)) {
            for (Rule entry : OpenFirewall.allowed(rule)) {
                if (OpenFirewall.tcpPort(entry, 22)) {
                    out.add(OpenFirewall.evidence(rule, "ingress:tcp:22:" + source, "SSH (tcp/22) is open to "
                            + source, entry, source));
                    break;
                }
            }
        }
        return out;
    }
}
