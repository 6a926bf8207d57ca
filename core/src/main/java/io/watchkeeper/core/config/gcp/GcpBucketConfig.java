package io.watchkeeper.core.config.gcp;

import io.watchkeeper.core.json.Ephemeral;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A Cloud Storage bucket ({@code gcp.storage.bucket}) with its IAM policy and legacy ACL.
 *
 * @param name the bucket's name
 * @param location US, EU, us-central1, …
 * @param locationType multi-region, dual-region or region
 * @param storageClass STANDARD, NEARLINE, …
 * @param uniformBucketLevelAccess whether uniform bucket-level access is on (ACLs ignored)
 * @param publicAccessPrevention enforced or inherited
 * @param retentionPeriodSeconds the retention period, or null when there is no retention policy
 * @param retentionLocked whether the retention policy is locked (bucket lock)
 * @param versioning whether object versioning is on
 * @param logBucket the bucket usage and storage logs go to, or null when access logging is off
 * @param logObjectPrefix the log objects' prefix, or null
 * @param defaultKmsKeyName the default Cloud KMS key (CMEK), or null for Google-managed encryption
 * @param acl the bucket ACL (entity and role), sorted; ignored by GCP while uniform access is on
 * @param labels labels
 * @param policy the bucket's IAM policy
 * @param createTime when the bucket was created
 * @param updateTime when its metadata last changed
 */
public record GcpBucketConfig(
        String name,
        String location,
        String locationType,
        String storageClass,
        boolean uniformBucketLevelAccess,
        String publicAccessPrevention,
        Long retentionPeriodSeconds,
        boolean retentionLocked,
        boolean versioning,
        String logBucket,
        String logObjectPrefix,
        String defaultKmsKeyName,
        List<AclEntry> acl,
        Map<String, String> labels,
        GcpIamPolicy policy,
        Instant createTime,
        @Ephemeral Instant updateTime) {

    /** One ACL entry ({@code allUsers}, {@code user-x@y}, {@code project-owners-123}, …). */
    public record AclEntry(String entity, String role) {}
}
