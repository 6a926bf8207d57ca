package io.watchkeeper.core.config.aws;

/**
 * The EC2 account settings of one region ({@code aws.ec2.account-settings}), one item per account
 * and region.
 *
 * @param region the region
 * @param ebsEncryptionByDefault whether new EBS volumes and snapshot copies are encrypted
 * @param ebsDefaultKmsKeyId the KMS key used for that ({@code alias/aws/ebs} unless changed)
 * @param snapshotBlockPublicAccess block-all-sharing, block-new-sharing or unblocked
 * @param imageBlockPublicAccess block-new-sharing or unblocked
 * @param instanceMetadataDefaults the account's IMDS defaults for new instances; each field null
 *     when the account states no preference (the AMI's defaults apply)
 */
public record Ec2AccountSettingsConfig(
        String region,
        Boolean ebsEncryptionByDefault,
        String ebsDefaultKmsKeyId,
        String snapshotBlockPublicAccess,
        String imageBlockPublicAccess,
        Ec2InstanceConfig.MetadataOptions instanceMetadataDefaults) {}
