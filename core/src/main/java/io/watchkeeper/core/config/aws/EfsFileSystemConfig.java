package io.watchkeeper.core.config.aws;

import io.watchkeeper.core.json.Ephemeral;
import io.watchkeeper.core.model.PolicyDocument;
import java.time.Instant;
import java.util.Map;

/**
 * An EFS file system ({@code aws.efs.file-system}): encryption, file system policy and backups.
 * Its size is left out: it is usage, not configuration.
 *
 * @param fileSystemId fs-…
 * @param arn its ARN
 * @param name its Name tag, or null
 * @param encrypted whether it is encrypted at rest
 * @param kmsKeyId the KMS key, or null
 * @param performanceMode generalPurpose or maxIO
 * @param throughputMode bursting, provisioned or elastic
 * @param provisionedThroughputInMibps provisioned throughput, or null
 * @param availabilityZoneName the zone of a One Zone file system, or null
 * @param numberOfMountTargets how many mount targets it has
 * @param backupPolicyStatus ENABLED, ENABLING, DISABLED or DISABLING, or null when unknown
 * @param policy its file system policy, or null when it has none
 * @param creationTime when it was created
 * @param lifeCycleState creating, available, updating, deleting, … (progress)
 * @param tags tags
 */
public record EfsFileSystemConfig(
        String fileSystemId,
        String arn,
        String name,
        Boolean encrypted,
        String kmsKeyId,
        String performanceMode,
        String throughputMode,
        Double provisionedThroughputInMibps,
        String availabilityZoneName,
        Integer numberOfMountTargets,
        String backupPolicyStatus,
        PolicyDocument policy,
        Instant creationTime,
        @Ephemeral String lifeCycleState,
        Map<String, String> tags) {}
