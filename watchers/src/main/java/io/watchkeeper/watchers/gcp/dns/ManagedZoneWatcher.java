package io.watchkeeper.watchers.gcp.dns;

import com.google.api.services.dns.model.ManagedZone;
import com.google.api.services.dns.model.ManagedZonesListResponse;
import com.google.api.services.dns.model.Policy;
import com.google.api.services.dns.model.PoliciesListResponse;
import com.google.auto.service.AutoService;
import io.watchkeeper.core.config.gcp.GcpDnsManagedZoneConfig;
import io.watchkeeper.core.config.gcp.GcpDnsManagedZoneConfig.KeySpec;
import io.watchkeeper.core.config.gcp.GcpDnsManagedZoneConfig.NetworkPolicy;
import io.watchkeeper.core.watch.Observation;
import io.watchkeeper.core.watch.Watcher;
import io.watchkeeper.gcp.GcpSession;
import io.watchkeeper.watchers.gcp.GcpNames;
import io.watchkeeper.watchers.gcp.GcpWatcher;
import io.watchkeeper.watchers.gcp.Pages;
import java.util.Comparator;
import java.util.List;

/** Cloud DNS managed zones and the server policies of their networks: two paged lists. */
@AutoService(Watcher.class)
public final class ManagedZoneWatcher extends GcpWatcher<GcpDnsManagedZoneConfig> {

    public ManagedZoneWatcher() {
        super("gcp.dns.managed-zone", GcpDnsManagedZoneConfig.class, "dns.managedZones.list", "dns.policies.list");
    }

    @Override
    protected List<Observation<GcpDnsManagedZoneConfig>> observe(GcpSession gcp) {
        String project = gcp.projectId();
        List<ManagedZone> zones = Pages.all(token -> {
            ManagedZonesListResponse page = GcpSession.call(() -> gcp.dns().managedZones().list(project)
                    .setMaxResults(1000).setPageToken(token).execute());
            return new Pages.Page<>(page.getManagedZones(), page.getNextPageToken());
        });
        List<NetworkPolicy> policies = networkPolicies(gcp);
        return zones.stream().<Observation<GcpDnsManagedZoneConfig>>map(z -> {
            List<String> networks = z.getPrivateVisibilityConfig() == null || z.getPrivateVisibilityConfig().getNetworks() == null
                    ? List.of() : GcpNames.sorted(z.getPrivateVisibilityConfig().getNetworks().stream()
                            .map(n -> GcpNames.relative(n.getNetworkUrl())).toList());
            var dnssec = z.getDnssecConfig();
            var config = new GcpDnsManagedZoneConfig(z.getName(), z.getDnsName(), GcpNames.blankToNull(z.getDescription()),
                    z.getVisibility(), dnssec == null ? null : dnssec.getState(),
                    dnssec == null || dnssec.getDefaultKeySpecs() == null ? List.of() : dnssec.getDefaultKeySpecs().stream()
                            .map(k -> new KeySpec(k.getKeyType(), k.getAlgorithm(), k.getKeyLength() == null ? null
                                    : k.getKeyLength().longValue()))
                            .sorted(Comparator.comparing(KeySpec::keyType).thenComparing(k -> String.valueOf(k.algorithm())))
                            .toList(),
                    dnssec == null ? null : dnssec.getNonExistence(),
                    z.getCloudLoggingConfig() != null && Boolean.TRUE.equals(z.getCloudLoggingConfig().getEnableLogging()),
                    networks, policies.stream().filter(p -> p.networks().stream().anyMatch(networks::contains)).toList(),
                    GcpNames.time(z.getCreationTime()));
            return observed(GcpNames.fullName("dns", "projects/" + project + "/managedZones/" + z.getName()), z.getName(),
                    null, config);
        }).toList();
    }

    /** The project's DNS server policies (one paged list), with the relative paths of the networks they apply to. */
    public static List<NetworkPolicy> networkPolicies(GcpSession gcp) {
        String project = gcp.projectId();
        return Pages.all(token -> {
            PoliciesListResponse page = GcpSession.call(() -> gcp.dns().policies().list(project)
                    .setMaxResults(1000).setPageToken(token).execute());
            return new Pages.Page<>(page.getPolicies(), page.getNextPageToken());
        }).stream().map(ManagedZoneWatcher::policy).toList();
    }

    private static NetworkPolicy policy(Policy p) {
        return new NetworkPolicy(p.getName(), Boolean.TRUE.equals(p.getEnableLogging()), p.getNetworks() == null ? List.of()
                : GcpNames.sorted(p.getNetworks().stream().map(n -> GcpNames.relative(n.getNetworkUrl())).toList()));
    }
}
