package io.watchkeeper.watchers.gcp.compute;

import com.google.auto.service.AutoService;
import com.google.cloud.compute.v1.Network;
import io.watchkeeper.core.config.gcp.GcpNetworkConfig;
import io.watchkeeper.core.config.gcp.GcpNetworkConfig.Peering;
import io.watchkeeper.core.watch.Observation;
import io.watchkeeper.core.watch.Watcher;
import io.watchkeeper.gcp.GcpSession;
import io.watchkeeper.watchers.gcp.GcpNames;
import io.watchkeeper.watchers.gcp.GcpWatcher;
import io.watchkeeper.watchers.gcp.Pages;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * VPC networks (legacy, auto or custom mode) and whether a DNS server policy logs their queries: two paged lists
 * (networks, DNS policies). When the DNS policies cannot be read (API disabled or denied), the networks are still
 * watched, with DNS logging unknown.
 */
@AutoService(Watcher.class)
public final class NetworkWatcher extends GcpWatcher<GcpNetworkConfig> {

    public NetworkWatcher() {
        super("gcp.compute.network", GcpNetworkConfig.class, "compute.networks.list", "dns.policies.list");
    }

    @Override
    protected List<Observation<GcpNetworkConfig>> observe(GcpSession gcp) {
        List<Observation<GcpNetworkConfig>> out = new ArrayList<>();
        java.util.Set<String> logged = dnsLoggedNetworks(gcp);
        for (Network n : Pages.all(gcp.networks().list(com.google.cloud.compute.v1.ListNetworksRequest.newBuilder()
                .setProject(gcp.projectId()).setMaxResults(500).build()).getPage())) {
            String mode = n.hasIPv4Range() ? "LEGACY" : n.getAutoCreateSubnetworks() ? "AUTO" : "CUSTOM";
            List<String> subnetworks = n.getSubnetworksList().stream().map(GcpNames::relative)
                    .map(p -> GcpNames.last(p.substring(0, Math.max(0, p.indexOf("/subnetworks/")))) + "/" + GcpNames.last(p))
                    .sorted().toList();
            List<Peering> peerings = n.getPeeringsList().stream()
                    .map(p -> new Peering(p.getName(), GcpNames.relative(p.getNetwork()), p.getExportCustomRoutes(),
                            p.getImportCustomRoutes(), GcpNames.blankToNull(p.getState())))
                    .sorted(Comparator.comparing(Peering::name)).toList();
            var config = new GcpNetworkConfig(n.getName(), Long.toUnsignedString(n.getId()),
                    GcpNames.blankToNull(n.getDescription()), mode, n.hasIPv4Range() ? n.getIPv4Range() : null,
                    n.hasRoutingConfig() ? GcpNames.blankToNull(n.getRoutingConfig().getRoutingMode()) : null,
                    n.hasMtu() ? n.getMtu() : null, subnetworks, peerings, GcpNames.time(n.getCreationTimestamp()),
                    logged == null ? null : logged.contains("projects/" + gcp.projectId() + "/global/networks/" + n.getName()));
            out.add(observed(GcpNames.fullName("compute", "projects/" + gcp.projectId() + "/global/networks/" + n.getName()),
                    n.getName(), null, config));
        }
        return out;
    }

    /** The relative paths of the networks a logging DNS policy applies to; null when the policies are unreadable. */
    private static java.util.Set<String> dnsLoggedNetworks(GcpSession gcp) {
        try {
            java.util.Set<String> out = new java.util.HashSet<>();
            for (var policy : io.watchkeeper.watchers.gcp.dns.ManagedZoneWatcher.networkPolicies(gcp)) {
                if (policy.enableLogging()) {
                    out.addAll(policy.networks());
                }
            }
            return out;
        } catch (RuntimeException e) {
            if (io.watchkeeper.gcp.GcpErrors.category(e) == io.watchkeeper.core.model.ErrorCategory.DENIED) {
                return null;
            }
            throw e;
        }
    }
}
