package io.watchkeeper.core.config.aws;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An EBS snapshot owned by the account ({@code aws.ec2.snapshot}).
 *
 * @param snapshotId snap-…
 * @param volumeId the volume it was taken from
 * @param volumeSize size in GiB
 * @param encrypted whether it is encrypted
 * @param kmsKeyId the KMS key that encrypts it, or null
 * @param description its description
 * @param startTime when it was started
 * @param createVolumePermissions who may create volumes from it, sorted; group "all" makes it public
 * @param tags tags
 */
public record EbsSnapshotConfig(
        String snapshotId,
        String volumeId,
        Integer volumeSize,
        Boolean encrypted,
        String kmsKeyId,
        String description,
        Instant startTime,
        List<Permission> createVolumePermissions,
        Map<String, String> tags) {

    /** Whether anyone may create volumes from it (permission group "all"). */
    public boolean publiclyShared() {
        return createVolumePermissions != null
                && createVolumePermissions.stream().anyMatch(p -> "all".equals(p.group()));
    }

    /**
     * One create-volume permission: a group (only "all" exists) or an account.
     *
     * @param group "all", or null
     * @param userId an account number, or null
     */
    public record Permission(String group, String userId) {}
}
