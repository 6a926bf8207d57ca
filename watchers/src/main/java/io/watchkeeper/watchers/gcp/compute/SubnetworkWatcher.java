package io.watchkeeper.watchers.gcp.compute;

import com.google.auto.service.AutoService;
import com.google.cloud.compute.v1.AggregatedListSubnetworksRequest;
import com.google.cloud.compute.v1.Subnetwork;
import com.google.cloud.compute.v1.SubnetworksScopedList;
import io.watchkeeper.core.config.gcp.GcpSubnetworkConfig;
import io.watchkeeper.core.watch.Observation;
import io.watchkeeper.core.watch.Watcher;
import io.watchkeeper.gcp.GcpSession;
import io.watchkeeper.watchers.gcp.GcpNames;
import io.watchkeeper.watchers.gcp.GcpWatcher;
import io.watchkeeper.watchers.gcp.Pages;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Subnetworks of every region: one paged {@code subnetworks.aggregatedList}. */
@AutoService(Watcher.class)
public final class SubnetworkWatcher extends GcpWatcher<GcpSubnetworkConfig> {

    public SubnetworkWatcher() {
        super("gcp.compute.subnetwork", GcpSubnetworkConfig.class, "compute.subnetworks.list");
    }

    @Override
    protected List<Observation<GcpSubnetworkConfig>> observe(GcpSession gcp) {
        List<Observation<GcpSubnetworkConfig>> out = new ArrayList<>();
        var request = AggregatedListSubnetworksRequest.newBuilder().setProject(gcp.projectId()).setMaxResults(500).build();
        for (Map.Entry<String, SubnetworksScopedList> scope : Pages.all(gcp.subnetworks().aggregatedList(request).getPage())) {
            for (Subnetwork s : scope.getValue().getSubnetworksList()) {
                String region = GcpNames.last(s.getRegion().isEmpty() ? scope.getKey() : s.getRegion());
                boolean flowLogs = s.hasLogConfig() ? s.getLogConfig().getEnable() : s.getEnableFlowLogs();
                var log = s.getLogConfig();
                var config = new GcpSubnetworkConfig(s.getName(), Long.toUnsignedString(s.getId()), region,
                        GcpNames.relative(s.getNetwork()), s.getIpCidrRange(),
                        s.getSecondaryIpRangesList().stream().map(r -> r.getRangeName() + "=" + r.getIpCidrRange()).sorted().toList(),
                        s.getPrivateIpGoogleAccess(), flowLogs,
                        flowLogs && log.hasAggregationInterval() ? log.getAggregationInterval() : null,
                        flowLogs && log.hasFlowSampling() ? log.getFlowSampling() : null,
                        flowLogs && log.hasMetadata() ? log.getMetadata() : null,
                        GcpNames.blankToNull(s.getPurpose()), GcpNames.blankToNull(s.getStackType()),
                        GcpNames.time(s.getCreationTimestamp()));
                String path = "projects/" + gcp.projectId() + "/regions/" + region + "/subnetworks/" + s.getName();
                out.add(observed(GcpNames.fullName("compute", path), region + "/" + s.getName(), region, config));
            }
        }
        return out;
    }
}
