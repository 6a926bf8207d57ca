package io.watchkeeper.watchers.gcp.compute;

import com.google.auto.service.AutoService;
import com.google.cloud.compute.v1.Address;
import com.google.cloud.compute.v1.AddressesScopedList;
import com.google.cloud.compute.v1.AggregatedListAddressesRequest;
import io.watchkeeper.core.config.gcp.GcpAddressConfig;
import io.watchkeeper.core.watch.Observation;
import io.watchkeeper.core.watch.Watcher;
import io.watchkeeper.gcp.GcpSession;
import io.watchkeeper.watchers.gcp.GcpNames;
import io.watchkeeper.watchers.gcp.GcpWatcher;
import io.watchkeeper.watchers.gcp.Pages;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reserved addresses of every region and the global ones: one paged {@code addresses.aggregatedList}. */
@AutoService(Watcher.class)
public final class AddressWatcher extends GcpWatcher<GcpAddressConfig> {

    public AddressWatcher() {
        super("gcp.compute.address", GcpAddressConfig.class, "compute.addresses.list");
    }

    @Override
    protected List<Observation<GcpAddressConfig>> observe(GcpSession gcp) {
        List<Observation<GcpAddressConfig>> out = new ArrayList<>();
        var request = AggregatedListAddressesRequest.newBuilder().setProject(gcp.projectId()).setMaxResults(500).build();
        for (Map.Entry<String, AddressesScopedList> scope : Pages.all(gcp.addresses().aggregatedList(request).getPage())) {
            for (Address a : scope.getValue().getAddressesList()) {
                String region = a.getRegion().isEmpty() ? "global" : GcpNames.last(a.getRegion());
                String path = "projects/" + gcp.projectId() + (region.equals("global") ? "/global" : "/regions/" + region)
                        + "/addresses/" + a.getName();
                var config = new GcpAddressConfig(a.getName(), Long.toUnsignedString(a.getId()), region, a.getAddress(),
                        GcpNames.blankToNull(a.getAddressType()), GcpNames.blankToNull(a.getIpVersion()),
                        GcpNames.blankToNull(a.getNetworkTier()), GcpNames.blankToNull(a.getPurpose()),
                        GcpNames.blankToNull(a.getStatus()),
                        GcpNames.sorted(a.getUsersList().stream().map(GcpNames::relative).toList()),
                        GcpNames.labels(a.getLabelsMap()), GcpNames.time(a.getCreationTimestamp()));
                out.add(observed(GcpNames.fullName("compute", path), region + "/" + a.getName(),
                        region.equals("global") ? null : region, config));
            }
        }
        return out;
    }
}
