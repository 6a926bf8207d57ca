package io.watchkeeper.core.config.gcp;

import io.watchkeeper.core.json.Ephemeral;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A Compute Engine persistent disk ({@code gcp.compute.disk}), zonal or regional.
 *
 * @param name the disk's name
 * @param id the numeric id
 * @param zone the zone of a zonal disk, else null
 * @param region the region of a regional disk, else null
 * @param type the disk type's name (pd-standard, pd-balanced, pd-ssd, hyperdisk-balanced, …)
 * @param sizeGb the size in GB
 * @param status CREATING, RESTORING, FAILED, READY, DELETING
 * @param users the instances it is attached to ({@code projects/p/zones/z/instances/i}), sorted
 * @param encryption CSEK (a customer-supplied key), CMEK (a Cloud KMS key) or GOOGLE (Google-managed)
 * @param kmsKeyName the Cloud KMS key (version) of a CMEK disk, else null
 * @param csekSha256 the SHA-256 of a customer-supplied key as Compute reports it (identifies the key, never
 *     reveals it), else null
 * @param sourceImage the image it was created from ({@code projects/…/global/images/…}), or null
 * @param sourceSnapshot the snapshot it was created from, or null
 * @param labels labels
 * @param createTime when the disk was created
 * @param lastAttachTime when it was last attached (moves on every attach)
 * @param lastDetachTime when it was last detached (moves on every detach)
 */
public record GcpDiskConfig(
        String name,
        String id,
        String zone,
        String region,
        String type,
        long sizeGb,
        String status,
        List<String> users,
        String encryption,
        String kmsKeyName,
        String csekSha256,
        String sourceImage,
        String sourceSnapshot,
        Map<String, String> labels,
        Instant createTime,
        @Ephemeral Instant lastAttachTime,
        @Ephemeral Instant lastDetachTime) {}
