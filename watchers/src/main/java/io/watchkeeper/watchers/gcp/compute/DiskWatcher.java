package io.watchkeeper.watchers.gcp.compute;

import com.google.auto.service.AutoService;
import com.google.cloud.compute.v1.AggregatedListDisksRequest;
import com.google.cloud.compute.v1.Disk;
import com.google.cloud.compute.v1.DisksScopedList;
import io.watchkeeper.core.config.gcp.GcpDiskConfig;
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
 * Persistent disks of every zone and region: one paged {@code disks.aggregatedList}, which carries each disk's
 * encryption ({@code diskEncryptionKey.sha256} for a customer-supplied key, {@code kmsKeyName} for Cloud KMS).
 */
@AutoService(Watcher.class)
public final class DiskWatcher extends GcpWatcher<GcpDiskConfig> {

    public DiskWatcher() {
        super("gcp.compute.disk", GcpDiskConfig.class, "compute.disks.list");
    }

    @Override
    protected List<Observation<GcpDiskConfig>> observe(GcpSession gcp) {
        List<Observation<GcpDiskConfig>> out = new ArrayList<>();
        var request = AggregatedListDisksRequest.newBuilder().setProject(gcp.projectId()).setMaxResults(500).build();
        for (Map.Entry<String, DisksScopedList> scope : Pages.all(gcp.disks().aggregatedList(request).getPage())) {
            for (Disk d : scope.getValue().getDisksList()) {
                String zone = d.getZone().isEmpty() ? null : GcpNames.last(d.getZone());
                String region = d.getRegion().isEmpty() ? null : GcpNames.last(d.getRegion());
                if (zone == null && region == null) {
                    String key = scope.getKey(); // zones/<zone> or regions/<region>
                    zone = key.startsWith("zones/") ? GcpNames.last(key) : null;
                    region = key.startsWith("regions/") ? GcpNames.last(key) : null;
                }
                String path = "projects/" + gcp.projectId() + (zone != null ? "/zones/" + zone : "/regions/" + region)
                        + "/disks/" + d.getName();
                out.add(observed(GcpNames.fullName("compute", path), d.getName(),
                        zone != null ? GcpNames.regionOfZone(zone) : region, config(d, zone, region)));
            }
        }
        return out;
    }

    private static GcpDiskConfig config(Disk d, String zone, String region) {
        var key = d.getDiskEncryptionKey();
        String sha256 = d.hasDiskEncryptionKey() ? GcpNames.blankToNull(key.getSha256()) : null;
        String kms = d.hasDiskEncryptionKey() ? GcpNames.blankToNull(key.getKmsKeyName()) : null;
        String encryption = kms != null ? "CMEK" : sha256 != null ? "CSEK" : "GOOGLE";
        return new GcpDiskConfig(d.getName(), Long.toUnsignedString(d.getId()), zone, zone != null ? null : region,
                GcpNames.last(d.getType()), d.getSizeGb(), GcpNames.blankToNull(d.getStatus()),
                GcpNames.sorted(d.getUsersList().stream().map(GcpNames::relative).toList()), encryption, kms, sha256,
                GcpNames.relative(GcpNames.blankToNull(d.getSourceImage())),
                GcpNames.relative(GcpNames.blankToNull(d.getSourceSnapshot())), GcpNames.labels(d.getLabelsMap()),
                GcpNames.time(GcpNames.blankToNull(d.getCreationTimestamp())),
                GcpNames.time(GcpNames.blankToNull(d.getLastAttachTimestamp())),
                GcpNames.time(GcpNames.blankToNull(d.getLastDetachTimestamp())));
    }
}
