package io.watchkeeper.core.config.aws;

import io.watchkeeper.core.json.Ephemeral;
import java.time.Instant;
import java.util.List;

/**
 * AWS Config in one region ({@code aws.config.recorder}): its configuration recorders with their
 * status and its delivery channels. One item per account and region, also when nothing is set up.
 *
 * @param region the region
 * @param recorders configuration recorders, sorted by name; empty when none
 * @param deliveryChannels delivery channels, sorted by name; empty when none
 */
public record ConfigRecorderConfig(String region, List<Recorder> recorders, List<DeliveryChannel> deliveryChannels) {

    /**
     * One configuration recorder.
     *
     * @param name its name
     * @param roleArn the role it records with
     * @param allSupported whether it records every supported resource type
     * @param includeGlobalResourceTypes whether it records global types (IAM)
     * @param resourceTypes the types it records when not all, sorted
     * @param exclusionResourceTypes types excluded, sorted
     * @param recordingStrategy ALL_SUPPORTED_RESOURCE_TYPES, INCLUSION_BY_RESOURCE_TYPES or
     *     EXCLUSION_BY_RESOURCE_TYPES, or null
     * @param recordingFrequency CONTINUOUS or DAILY, or null
     * @param recording whether it is recording now
     * @param lastStatus Pending, Success or Failure of the last recording attempt
     * @param lastErrorCode the last error, or null
     * @param lastStatusChangeTime when that status changed
     */
    public record Recorder(String name, String roleArn, Boolean allSupported, Boolean includeGlobalResourceTypes,
                           List<String> resourceTypes, List<String> exclusionResourceTypes, String recordingStrategy,
                           String recordingFrequency, Boolean recording, @Ephemeral String lastStatus,
                           @Ephemeral String lastErrorCode, @Ephemeral Instant lastStatusChangeTime) {}

    /**
     * One delivery channel.
     *
     * @param name its name
     * @param s3BucketName the bucket receiving snapshots and history
     * @param s3KeyPrefix the key prefix, or null
     * @param s3KmsKeyArn the KMS key encrypting deliveries, or null
     * @param snsTopicArn the topic notified, or null
     * @param deliveryFrequency how often configuration snapshots are delivered, or null
     */
    public record DeliveryChannel(String name, String s3BucketName, String s3KeyPrefix, String s3KmsKeyArn,
                                  String snsTopicArn, String deliveryFrequency) {}
}
