package io.watchkeeper.auditors.gcp.compute;

import com.google.auto.service.AutoService;
import io.watchkeeper.auditors.gcp.GcpCheck;
import io.watchkeeper.auditors.gcp.Members;
import io.watchkeeper.core.config.gcp.GcpNetworkConfig;
import io.watchkeeper.core.finding.AuditContext;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import io.watchkeeper.core.finding.Severity;
import io.watchkeeper.core.json.Json;
import java.util.List;

/**
 * CIS 2.12: no Cloud DNS server policy with query logging is attached to the VPC network. Unknown (the project's DNS
 * policies could not be read) reports nothing; legacy networks have no DNS policies and are left to CIS 3.2.
 */
@AutoService(Check.class)
public final class NetworkDnsLoggingOffCheck extends GcpCheck<GcpNetworkConfig> {

    public NetworkDnsLoggingOffCheck() {
        super("gcp.compute.network/dns-logging-off", GcpNetworkConfig.class, Severity.LOW,
                "Cloud DNS query logging is off for the network",
                "Without DNS query logs nobody can see which names workloads resolved: malware callbacks and DNS exfiltration go unseen.",
                "Attach a DNS server policy with logging on: gcloud dns policies create/update POLICY --networks=NETWORK"
                        + " --enable-logging.", "2.12");
    }

    @Override
    public List<Evidence> evaluate(GcpNetworkConfig network, AuditContext context) {
        if (!Boolean.FALSE.equals(network.dnsLogging()) || "LEGACY".equals(network.mode())) {
            return List.of();
        }
        return List.of(Members.evidence("dns-logging", "No DNS server policy with logging is attached to network "
                + network.name(), Exposure.INTERNAL, Json.object().put("network", network.name())));
    }
}
