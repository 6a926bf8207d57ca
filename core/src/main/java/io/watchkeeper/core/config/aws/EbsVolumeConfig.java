package io.watchkeeper.core.config.aws;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An EBS volume ({@code aws.ec2.volume}).
 *
 * @param volumeId vol-…
 * @param size GiB
 * @param volumeType gp3, gp2, io2, io1, st1, sc1 or standard
 * @param iops provisioned IOPS, or null
 * @param throughput provisioned MiB/s (gp3), or null
 * @param encrypted whether it is encrypted
 * @param kmsKeyId the KMS key encrypting it, or null
 * @param snapshotId the snapshot it was created from, or null
 * @param availabilityZone where it lives
 * @param multiAttachEnabled whether several instances may attach it
 * @param state creating, available, in-use, deleting or error
 * @param attachments where it is attached, sorted by instance
 * @param createTime when it was created
 * @param tags tags
 */
public record EbsVolumeConfig(
        String volumeId,
        Integer size,
        String volumeType,
        Integer iops,
        Integer throughput,
        Boolean encrypted,
        String kmsKeyId,
        String snapshotId,
        String availabilityZone,
        Boolean multiAttachEnabled,
        String state,
        List<Attachment> attachments,
        Instant createTime,
        Map<String, String> tags) {

    /**
     * One attachment.
     *
     * @param instanceId the instance
     * @param device the device name on it
     * @param deleteOnTermination whether the volume goes with the instance
     */
    public record Attachment(String instanceId, String device, Boolean deleteOnTermination) {}
}
