package io.watchkeeper.core.config.aws;

import java.util.List;
import java.util.Map;

/**
 * An AMI owned by the account ({@code aws.ec2.image}).
 *
 * @param imageId ami-…
 * @param name the image name
 * @param description its description
 * @param state pending, available, invalid, deregistered, transient, failed, error or disabled
 * @param publicImage whether it has public launch permissions
 * @param launchPermissions who may launch it, sorted; group "all" makes it public
 * @param creationDate creation time as AWS reports it (ISO-8601 text)
 * @param blockDevices block device mappings with their encryption, sorted by device name
 * @param tags tags
 */
public record AmiConfig(
        String imageId,
        String name,
        String description,
        String state,
        Boolean publicImage,
        List<LaunchPermission> launchPermissions,
        String creationDate,
        List<BlockDevice> blockDevices,
        Map<String, String> tags) {

    /** Whether anyone may launch it (launch permission group "all" or the public flag). */
    public boolean publiclyShared() {
        return Boolean.TRUE.equals(publicImage)
                || launchPermissions != null && launchPermissions.stream().anyMatch(p -> "all".equals(p.group()));
    }

    /**
     * One launch permission; exactly one member is set.
     *
     * @param group "all", or null
     * @param userId an account number, or null
     * @param organizationArn an AWS Organizations organization, or null
     * @param organizationalUnitArn an organizational unit, or null
     */
    public record LaunchPermission(String group, String userId, String organizationArn, String organizationalUnitArn) {}

    /**
     * One block device mapping.
     *
     * @param deviceName /dev/xvda, …
     * @param snapshotId the EBS snapshot behind it, or null (instance store, no EBS)
     * @param encrypted whether the EBS volume is encrypted, or null when not reported / not EBS
     * @param kmsKeyId the KMS key of an encrypted EBS volume, or null
     */
    public record BlockDevice(String deviceName, String snapshotId, Boolean encrypted, String kmsKeyId) {}
}
