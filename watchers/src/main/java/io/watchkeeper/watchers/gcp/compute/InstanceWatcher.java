package io.watchkeeper.watchers.gcp.compute;

import com.google.auto.service.AutoService;
import com.google.cloud.compute.v1.AggregatedListInstancesRequest;
import com.google.cloud.compute.v1.Instance;
import com.google.cloud.compute.v1.InstancesScopedList;
import com.google.cloud.compute.v1.Items;
import io.watchkeeper.core.config.gcp.GcpInstanceConfig;
import io.watchkeeper.core.config.gcp.GcpInstanceConfig.AccessConfig;
import io.watchkeeper.core.config.gcp.GcpInstanceConfig.NetworkInterface;
import io.watchkeeper.core.config.gcp.GcpInstanceConfig.ServiceAccount;
import io.watchkeeper.core.config.gcp.GcpInstanceConfig.ShieldedVm;
import io.watchkeeper.core.watch.Observation;
import io.watchkeeper.core.watch.Watcher;
import io.watchkeeper.gcp.GcpSession;
import io.watchkeeper.watchers.gcp.GcpNames;
import io.watchkeeper.watchers.gcp.GcpWatcher;
import io.watchkeeper.watchers.gcp.Pages;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * VM instances of every zone: one paged {@code instances.aggregatedList}. Metadata values other than
 * the security flags are not recorded (startup scripts and keys stay out of the store).
 */
@AutoService(Watcher.class)
public final class InstanceWatcher extends GcpWatcher<GcpInstanceConfig> {

    public InstanceWatcher() {
        super("gcp.compute.instance", GcpInstanceConfig.class, "compute.instances.list");
    }

    @Override
    protected List<Observation<GcpInstanceConfig>> observe(GcpSession gcp) {
        List<Observation<GcpInstanceConfig>> out = new ArrayList<>();
        var request = AggregatedListInstancesRequest.newBuilder().setProject(gcp.projectId()).setMaxResults(500).build();
        for (Map.Entry<String, InstancesScopedList> scope : Pages.all(gcp.instances().aggregatedList(request).getPage())) {
            for (Instance i : scope.getValue().getInstancesList()) {
                String zone = GcpNames.last(i.getZone().isEmpty() ? scope.getKey() : i.getZone());
                String path = "projects/" + gcp.projectId() + "/zones/" + zone + "/instances/" + i.getName();
                out.add(observed(GcpNames.fullName("compute", path), i.getName(), GcpNames.regionOfZone(zone),
                        config(i, zone)));
            }
        }
        return out;
    }

    private static GcpInstanceConfig config(Instance i, String zone) {
        Map<String, String> metadata = new TreeMap<>();
        for (Items item : i.getMetadata().getItemsList()) {
            metadata.put(item.getKey(), item.getValue());
        }
        List<ServiceAccount> accounts = i.getServiceAccountsList().stream()
                .map(a -> new ServiceAccount(a.getEmail(), GcpNames.sorted(a.getScopesList())))
                .sorted(Comparator.comparing(ServiceAccount::email)).toList();
        List<NetworkInterface> nics = i.getNetworkInterfacesList().stream()
                .map(n -> new NetworkInterface(n.getName(), GcpNames.relative(n.getNetwork()),
                        GcpNames.relative(GcpNames.blankToNull(n.getSubnetwork())), GcpNames.blankToNull(n.getNetworkIP()),
                        n.getAccessConfigsList().stream().map(a -> new AccessConfig(a.getType(),
                                GcpNames.blankToNull(a.getNetworkTier()), GcpNames.blankToNull(a.getNatIP()))).toList()))
                .sorted(Comparator.comparing(NetworkInterface::name)).toList();
        ShieldedVm shielded = i.hasShieldedInstanceConfig() ? new ShieldedVm(i.getShieldedInstanceConfig().getEnableSecureBoot(),
                i.getShieldedInstanceConfig().getEnableVtpm(), i.getShieldedInstanceConfig().getEnableIntegrityMonitoring()) : null;
        return new GcpInstanceConfig(i.getName(), Long.toUnsignedString(i.getId()), zone, GcpNames.last(i.getMachineType()),
                i.getStatus(), accounts, nics, i.getCanIpForward(), metadata.get("serial-port-enable"),
                metadata.get("block-project-ssh-keys"), metadata.get("enable-oslogin"), List.copyOf(metadata.keySet()),
                shielded, i.hasConfidentialInstanceConfig() && i.getConfidentialInstanceConfig().getEnableConfidentialCompute(),
                i.getDeletionProtection(), GcpNames.sorted(i.getTags().getItemsList()), GcpNames.labels(i.getLabelsMap()),
                GcpNames.time(i.getCreationTimestamp()), GcpNames.time(GcpNames.blankToNull(i.getLastStartTimestamp())));
    }
}
