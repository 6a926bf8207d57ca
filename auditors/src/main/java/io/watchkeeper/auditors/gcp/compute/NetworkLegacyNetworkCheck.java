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

/** CIS 3.2: a legacy network. */
@AutoService(Check.class)
public final class NetworkLegacyNetworkCheck extends GcpCheck<GcpNetworkConfig> {

    public NetworkLegacyNetworkCheck() {
        super("gcp.compute.network/legacy-network", GcpNetworkConfig.class, Severity.MEDIUM, "The project has a legacy (non-VPC) network",
                "A legacy network has one global range and no subnetworks: no flow logs, no private Google access, no regional segmentation.",
                "Create a VPC network, migrate the instances, and delete the legacy network.", "3.2");
    }

    @Override
    public List<Evidence> evaluate(GcpNetworkConfig network, AuditContext context) {
        if (!"LEGACY".equalsIgnoreCase(network.mode())) {
            return List.of();
        }
        return List.of(Members.evidence("legacy", "Legacy network with range " + network.ipv4Range(), Exposure.INTERNAL,
                Json.object().put("ipv4Range", network.ipv4Range())));
    }
}
