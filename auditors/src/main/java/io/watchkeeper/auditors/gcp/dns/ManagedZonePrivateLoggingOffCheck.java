package io.watchkeeper.auditors.gcp.dns;

import com.google.auto.service.AutoService;
import io.watchkeeper.auditors.gcp.GcpCheck;
import io.watchkeeper.auditors.gcp.Members;
import io.watchkeeper.core.config.gcp.GcpDnsManagedZoneConfig;
import io.watchkeeper.core.finding.AuditContext;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import io.watchkeeper.core.finding.Severity;
import io.watchkeeper.core.json.Json;
import java.util.ArrayList;
import java.util.List;

/** A network that a private zone serves has no DNS server policy with logging (listed beside CIS 2.12, which asks it of every network). */
@AutoService(Check.class)
public final class ManagedZonePrivateLoggingOffCheck extends GcpCheck<GcpDnsManagedZoneConfig> {

    public ManagedZonePrivateLoggingOffCheck() {
        super("gcp.dns.managed-zone/private-logging-off", GcpDnsManagedZoneConfig.class, Severity.LOW, "Private DNS zone is served on a network without DNS query logging",
                "Without DNS logs, lookups by compromised workloads (command and control, exfiltration over DNS) leave no trace.",
                "Attach a DNS server policy with logging to every network of the zone (gcloud dns policies create --enable-logging --networks=…).");
    }

    @Override
    public List<Evidence> evaluate(GcpDnsManagedZoneConfig zone, AuditContext context) {
        if (!"private".equalsIgnoreCase(zone.visibility())) {
            return List.of();
        }
        List<Evidence> out = new ArrayList<>();
        for (String network : Members.list(zone.privateNetworks())) {
            boolean logged = Members.list(zone.networkPolicies()).stream()
                    .anyMatch(p -> p.enableLogging() && Members.list(p.networks()).contains(network));
            if (!logged) {
                out.add(Members.evidence("network:" + network, "Network " + network + " has no DNS policy with logging",
                        Exposure.INTERNAL, Json.object().put("network", network)));
            }
        }
        return out;
    }
}
