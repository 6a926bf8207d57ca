package io.watchkeeper.watchers.gcp.storage;

import com.google.auto.service.AutoService;
import com.google.cloud.storage.Acl;
import com.google.cloud.storage.Bucket;
import com.google.cloud.storage.BucketInfo;
import com.google.cloud.storage.Storage;
import io.watchkeeper.core.config.gcp.GcpBucketConfig;
import io.watchkeeper.core.config.gcp.GcpBucketConfig.AclEntry;
import io.watchkeeper.core.watch.Observation;
import io.watchkeeper.core.watch.Watcher;
import io.watchkeeper.gcp.GcpSession;
import io.watchkeeper.watchers.gcp.GcpNames;
import io.watchkeeper.watchers.gcp.GcpPolicies;
import io.watchkeeper.watchers.gcp.GcpWatcher;
import io.watchkeeper.watchers.gcp.Pages;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Cloud Storage buckets (one paged list) with their IAM policy (one call per bucket: the list does not carry it). */
@AutoService(Watcher.class)
public final class BucketWatcher extends GcpWatcher<GcpBucketConfig> {

    public BucketWatcher() {
        super("gcp.storage.bucket", GcpBucketConfig.class, "storage.buckets.list", "storage.buckets.getIamPolicy");
    }

    @Override
    protected List<Observation<GcpBucketConfig>> observe(GcpSession gcp) {
        Storage storage = gcp.storage();
        List<Bucket> buckets = new ArrayList<>();
        buckets.addAll(Pages.all(storage.list(Storage.BucketListOption.pageSize(500))));
        return describeEach(buckets, b -> GcpNames.fullName("storage", b.getName()), BucketInfo::getName, b -> {
            var policy = storage.getIamPolicy(b.getName(), Storage.BucketSourceOption.requestedPolicyVersion(3));
            return observed(GcpNames.fullName("storage", b.getName()), b.getName(),
                    b.getLocation() == null ? null : b.getLocation().toLowerCase(Locale.ROOT), config(b, GcpPolicies.of(policy)));
        });
    }

    private static GcpBucketConfig config(BucketInfo b, io.watchkeeper.core.config.gcp.GcpIamPolicy policy) {
        var iam = b.getIamConfiguration();
        List<AclEntry> acl = b.getAcl() == null ? List.of() : b.getAcl().stream()
                .map(a -> new AclEntry(entity(a), a.getRole().toString()))
                .sorted(Comparator.comparing(AclEntry::entity).thenComparing(AclEntry::role)).toList();
        return new GcpBucketConfig(b.getName(), b.getLocation(), b.getLocationType(),
                b.getStorageClass() == null ? null : b.getStorageClass().toString(),
                iam != null && Boolean.TRUE.equals(iam.isUniformBucketLevelAccessEnabled()),
                iam == null || iam.getPublicAccessPrevention() == null ? null
                        : iam.getPublicAccessPrevention().name().toLowerCase(Locale.ROOT),
                b.getRetentionPeriod(), Boolean.TRUE.equals(b.retentionPolicyIsLocked()),
                Boolean.TRUE.equals(b.versioningEnabled()),
                b.getLogging() == null ? null : GcpNames.blankToNull(b.getLogging().getLogBucket()),
                b.getLogging() == null ? null : GcpNames.blankToNull(b.getLogging().getLogObjectPrefix()),
                GcpNames.blankToNull(b.getDefaultKmsKeyName()), acl, GcpNames.labels(b.getLabels()), policy,
                b.getCreateTime() == null ? null : Instant.ofEpochMilli(b.getCreateTime()),
                b.getUpdateTime() == null ? null : Instant.ofEpochMilli(b.getUpdateTime()));
    }

    /** The ACL entity as the JSON API writes it ({@code allUsers}, {@code user-…}, {@code project-owners-…}). */
    private static String entity(Acl acl) {
        return acl.getEntity().toString();
    }
}
