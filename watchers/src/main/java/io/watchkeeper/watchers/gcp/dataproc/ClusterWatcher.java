package io.watchkeeper.watchers.gcp.dataproc;

import com.google.auto.service.AutoService;
import com.google.cloud.compute.v1.ListRegionsRequest;
import com.google.cloud.compute.v1.Region;
import com.google.cloud.dataproc.v1.Cluster;
import com.google.cloud.dataproc.v1.ListClustersRequest;
import io.watchkeeper.core.config.gcp.GcpDataprocClusterConfig;
import io.watchkeeper.core.model.ErrorCategory;
import io.watchkeeper.core.watch.Observation;
import io.watchkeeper.core.watch.Watcher;
import io.watchkeeper.gcp.GcpErrors;
import io.watchkeeper.gcp.GcpSession;
import io.watchkeeper.watchers.Fanout;
import io.watchkeeper.watchers.gcp.GcpNames;
import io.watchkeeper.watchers.gcp.GcpWatcher;
import io.watchkeeper.watchers.gcp.Pages;
import java.util.List;

/**
 * Dataproc clusters on Compute Engine. Dataproc has no cross-region list: when the project has the Dataproc API
 * enabled ({@code services.get}, one call; a project without it has no clusters and is not asked further), the
 * Compute regions are listed (one paged call) and {@code clusters.list} is called per region in parallel within the
 * project's call cap. Any failing listing fails the scope.
 */
@AutoService(Watcher.class)
public final class ClusterWatcher extends GcpWatcher<GcpDataprocClusterConfig> {

    static final String API = "dataproc.googleapis.com";

    public ClusterWatcher() {
        super("gcp.dataproc.cluster", GcpDataprocClusterConfig.class, "serviceusage.services.get", "compute.regions.list",
                "dataproc.clusters.list");
    }

    @Override
    protected List<Observation<GcpDataprocClusterConfig>> observe(GcpSession gcp) {
        if (!enabled(gcp)) {
            return List.of();
        }
        String project = gcp.projectId();
        List<String> regions = Pages.all(gcp.regions().list(ListRegionsRequest.newBuilder().setProject(project)
                .setMaxResults(500).build()).getPage()).stream().map(Region::getName).sorted().toList();
        return Fanout.map(regions, region -> Pages.all(gcp.dataprocClusters().listClusters(ListClustersRequest.newBuilder()
                        .setProjectId(project).setRegion(region).setPageSize(100).build()).getPage()).stream()
                        .map(c -> observed(GcpNames.fullName("dataproc", "projects/" + project + "/regions/" + region
                                + "/clusters/" + c.getClusterName()), c.getClusterName(), region, config(c, region)))
                        .toList())
                .stream().flatMap(List::stream).toList();
    }

    private static boolean enabled(GcpSession gcp) {
        try {
            var service = gcp.serviceUsage().getService(com.google.api.serviceusage.v1.GetServiceRequest.newBuilder()
                    .setName("projects/" + gcp.projectId() + "/services/" + API).build());
            return service.getState() == com.google.api.serviceusage.v1.State.ENABLED;
        } catch (RuntimeException e) {
            if (GcpErrors.category(e) == ErrorCategory.NOT_FOUND) {
                return false;
            }
            throw e;
        }
    }

    private static GcpDataprocClusterConfig config(Cluster c, String region) {
        var config = c.getConfig();
        var gce = config.getGceClusterConfig();
        var encryption = config.getEncryptionConfig();
        return new GcpDataprocClusterConfig(c.getClusterName(), GcpNames.blankToNull(c.getClusterUuid()), region,
                c.getStatus().getState().name(), GcpNames.blankToNull(encryption.getGcePdKmsKeyName()),
                GcpNames.blankToNull(encryption.getKmsKey()), GcpNames.blankToNull(gce.getServiceAccount()),
                gce.getInternalIpOnly(), GcpNames.blankToNull(config.getSoftwareConfig().getImageVersion()),
                GcpNames.labels(c.getLabelsMap()),
                c.getStatus().hasStateStartTime() ? GcpNames.time(c.getStatus().getStateStartTime()) : null);
    }
}
