package io.watchkeeper.watchers.gcp.compute;

import com.google.auto.service.AutoService;
import com.google.cloud.compute.v1.AggregatedListBackendServicesRequest;
import com.google.cloud.compute.v1.Backend;
import com.google.cloud.compute.v1.BackendService;
import com.google.cloud.compute.v1.BackendServicesScopedList;
import io.watchkeeper.core.config.gcp.GcpBackendServiceConfig;
import io.watchkeeper.core.watch.Observation;
import io.watchkeeper.core.watch.Watcher;
import io.watchkeeper.gcp.GcpSession;
import io.watchkeeper.watchers.gcp.GcpNames;
import io.watchkeeper.watchers.gcp.GcpWatcher;
import io.watchkeeper.watchers.gcp.Pages;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Backend services of every region and the global ones: one paged {@code backendServices.aggregatedList}, which
 * carries each service's request logging ({@code logConfig}). A global service's item is named by its name, a
 * regional one's {@code <region>/<name>} (the same name may be used in both).
 */
@AutoService(Watcher.class)
public final class BackendServiceWatcher extends GcpWatcher<GcpBackendServiceConfig> {

    public BackendServiceWatcher() {
        super("gcp.compute.backend-service", GcpBackendServiceConfig.class, "compute.backendServices.list");
    }

    @Override
    protected List<Observation<GcpBackendServiceConfig>> observe(GcpSession gcp) {
        List<Observation<GcpBackendServiceConfig>> out = new ArrayList<>();
        var request = AggregatedListBackendServicesRequest.newBuilder().setProject(gcp.projectId()).setMaxResults(500).build();
        for (Map.Entry<String, BackendServicesScopedList> scope
                : Pages.all(gcp.backendServices().aggregatedList(request).getPage())) {
            for (BackendService b : scope.getValue().getBackendServicesList()) {
                String region = b.getRegion().isEmpty() ? null : GcpNames.last(b.getRegion());
                if (region == null && scope.getKey().startsWith("regions/")) {
                    region = GcpNames.last(scope.getKey());
                }
                String path = "projects/" + gcp.projectId() + (region == null ? "/global" : "/regions/" + region)
                        + "/backendServices/" + b.getName();
                out.add(observed(GcpNames.fullName("compute", path), region == null ? b.getName() : region + "/" + b.getName(),
                        region, config(b, region)));
            }
        }
        return out;
    }

    private static GcpBackendServiceConfig config(BackendService b, String region) {
        var log = b.getLogConfig();
        return new GcpBackendServiceConfig(b.getName(), Long.toUnsignedString(b.getId()), region,
                GcpNames.blankToNull(b.getLoadBalancingScheme()), GcpNames.blankToNull(b.getProtocol()),
                b.hasLogConfig() && log.getEnable(), b.hasLogConfig() && log.hasSampleRate() ? log.getSampleRate() : null,
                GcpNames.relative(GcpNames.blankToNull(b.getSecurityPolicy())), b.hasIap() && b.getIap().getEnabled(),
                b.getEnableCDN(),
                GcpNames.sorted(b.getBackendsList().stream().map(Backend::getGroup).filter(g -> !g.isEmpty())
                        .map(GcpNames::relative).toList()),
                GcpNames.time(GcpNames.blankToNull(b.getCreationTimestamp())));
    }
}
