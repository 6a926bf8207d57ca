package io.watchkeeper.core.config.aws;

import io.watchkeeper.core.json.Ephemeral;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A CloudTrail trail ({@code aws.cloudtrail.trail}), observed in its home region only, so a
 * multi-region trail is one item.
 *
 * @param name trail name
 * @param trailArn its ARN
 * @param homeRegion the region it was created in
 * @param isMultiRegionTrail whether it logs every region
 * @param isOrganizationTrail whether it logs every account of the organization
 * @param s3BucketName where log files go
 * @param s3KeyPrefix key prefix of log files, or null
 * @param includeGlobalServiceEvents whether global services (IAM, STS, …) are logged
 * @param logFileValidationEnabled whether digest files are written
 * @param kmsKeyId the KMS key encrypting log files, or null (SSE-S3)
 * @param cloudWatchLogsLogGroupArn the CloudWatch Logs group it delivers to, or null
 * @param snsTopicArn the topic notified of new log files, or null
 * @param isLogging whether it is logging now (StartLogging / StopLogging)
 * @param eventSelectors basic event selectors; empty when advanced selectors are used or none are set
 * @param advancedEventSelectors names of the advanced event selectors, sorted
 * @param latestDeliveryTime last successful delivery to S3, or null
 * @param latestDeliveryError last S3 delivery error, or null
 * @param tags tags
 */
public record CloudTrailTrailConfig(
        String name,
        String trailArn,
        String homeRegion,
        Boolean isMultiRegionTrail,
        Boolean isOrganizationTrail,
        String s3BucketName,
        String s3KeyPrefix,
        Boolean includeGlobalServiceEvents,
        Boolean logFileValidationEnabled,
        String kmsKeyId,
        String cloudWatchLogsLogGroupArn,
        String snsTopicArn,
        Boolean isLogging,
        List<EventSelector> eventSelectors,
        List<String> advancedEventSelectors,
        @Ephemeral Instant latestDeliveryTime,
        @Ephemeral String latestDeliveryError,
        Map<String, String> tags) {

    /**
     * One basic event selector.
     *
     * @param readWriteType ReadOnly, WriteOnly or All
     * @param includeManagementEvents whether management events are logged
     * @param dataResources data event resources, sorted
     * @param excludeManagementEventSources management event sources left out, sorted
     */
    public record EventSelector(String readWriteType, Boolean includeManagementEvents, List<DataResource> dataResources,
                                List<String> excludeManagementEventSources) {}

    /**
     * Data events logged for one resource type.
     *
     * @param type AWS::S3::Object, AWS::Lambda::Function, …
     * @param values ARN prefixes, sorted
     */
    public record DataResource(String type, List<String> values) {}
}
