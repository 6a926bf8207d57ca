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
import java.util.ArrayList;
import java.util.List;

/** CIS 3.1: the project still has the network GCP creates by default. */
@AutoService(Check.class)
public final class NetworkDefaultNetworkCheck extends GcpCheck<GcpNetworkConfig> {

    public NetworkDefaultNetworkCheck() {
        super("gcp.compute.network/default-network", GcpNetworkConfig.class, Severity.MEDIUM, "The project has the default network",
                "The default network is auto mode with permissive pre-made firewall rules (SSH and RDP from anywhere, all internal traffic) that nobody chose or reviews.",
                "Create custom-mode networks with the firewall rules you need, move workloads, then delete the default network.", "3.1");
    }

    @Override
    public List<Evidence> evaluate(GcpNetworkConfig network, AuditContext context) {
        if (!"default".equals(network.name())) {
            return List.of();
        }
        return List.of(Members.evidence("default", "The network named default exists (" + network.mode() + " mode)",
                Exposure.INTERNAL, Json.object().put("mode", network.mode())));
    }
}
