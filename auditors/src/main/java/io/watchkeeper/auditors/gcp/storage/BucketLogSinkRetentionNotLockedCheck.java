package io.watchkeeper.auditors.gcp.storage;

import com.google.auto.service.AutoService;
import io.watchkeeper.auditors.gcp.GcpCheck;
import io.watchkeeper.auditors.gcp.Members;
import io.watchkeeper.core.config.gcp.GcpBucketConfig;
import io.watchkeeper.core.finding.AuditContext;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import io.watchkeeper.core.finding.Severity;
import io.watchkeeper.core.json.Json;
import java.util.ArrayList;
import java.util.List;
import io.watchkeeper.core.config.gcp.GcpLogSinkConfig;
import io.watchkeeper.core.model.ResourceType;
import java.util.Set;
/** CIS 2.3: a bucket that a log sink exports to has no retention policy, or an unlocked one. */
@AutoService(Check.class)
public final class BucketLogSinkRetentionNotLockedCheck extends GcpCheck<GcpBucketConfig> {

    static final ResourceType SINK = ResourceType.of("gcp.logging.sink");

    public BucketLogSinkRetentionNotLockedCheck() {
        super("gcp.storage.bucket/log-sink-retention-not-locked", GcpBucketConfig.class, Severity.MEDIUM, "Bucket receiving exported logs has no locked retention policy",
                "Without a locked retention policy, whoever compromises the project can delete the exported audit logs that would show what they did.",
                "Set a retention policy on the bucket and lock it (gcloud storage buckets update --retention-period=… then --lock-retention-period).", "2.3");
    }

    @Override
    public Set<ResourceType> dependsOn() { return Set.of(SINK); }

    @Override
    public List<Evidence> evaluate(GcpBucketConfig bucket, AuditContext context) {
        if (bucket.name() == null || bucket.retentionPeriodSeconds() != null && bucket.retentionLocked()) {
            return List.of();
        }
        List<String> sinks = new ArrayList<>();
        for (var sink : context.related(SINK, GcpLogSinkConfig.class)) {
            GcpLogSinkConfig s = sink.config();
            if (s != null && !s.disabled() && ("storage.googleapis.com/" + bucket.name()).equals(s.destination())) {
                sinks.add(s.name() == null ? "?" : s.name());
            }
        }
        if (sinks.isEmpty()) {
            return List.of();
        }
        String what = bucket.retentionPeriodSeconds() == null ? "no retention policy" : "an unlocked retention policy";
        return List.of(Members.evidence("retention", "Sink(s) " + String.join(", ", sinks) + " export logs here; the bucket has "
                + what, Exposure.INTERNAL, Json.object().put("retentionLocked", bucket.retentionLocked())
                .put("retentionPeriodSeconds", bucket.retentionPeriodSeconds())));
    }
}
