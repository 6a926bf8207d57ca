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
 * @param advancedSelectors advanced event selectors with their field selectors, in the trail's
 *     order; null when it has none (so the stored form of trails without them is unchanged)
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
        Map<String, String> tags,
        List<AdvancedSelector> advancedSelectors) {

    /** A trail as read before advanced selectors were kept in full. */
    public CloudTrailTrailConfig(String name, String trailArn, String homeRegion, Boolean isMultiRegionTrail,
                                 Boolean isOrganizationTrail, String s3BucketName, String s3KeyPrefix,
                                 Boolean includeGlobalServiceEvents, Boolean logFileValidationEnabled, String kmsKeyId,
                                 String cloudWatchLogsLogGroupArn, String snsTopicArn, Boolean isLogging,
                                 List<EventSelector> eventSelectors, List<String> advancedEventSelectors,
                                 Instant latestDeliveryTime, String latestDeliveryError, Map<String, String> tags) {
        this(name, trailArn, homeRegion, isMultiRegionTrail, isOrganizationTrail, s3BucketName, s3KeyPrefix,
                includeGlobalServiceEvents, logFileValidationEnabled, kmsKeyId, cloudWatchLogsLogGroupArn, snsTopicArn,
                isLogging, eventSelectors, advancedEventSelectors, latestDeliveryTime, latestDeliveryError, tags, null);
    }

    /**
     * One advanced event selector: the events matching all of its field selectors are logged.
     *
     * @param name its name ("" when unnamed)
     * @param fieldSelectors its conditions, sorted by field
     */
    public record AdvancedSelector(String name, List<FieldSelector> fieldSelectors) {}

    /**
     * One condition on an event field (eventCategory, resources.type, readOnly, eventName, …); each
     * operator's values are sorted, and an operator not used is empty.
     */
    public record FieldSelector(String field, List<String> equalTo, List<String> startsWith, List<String> endsWith,
                                List<String> notEquals, List<String> notStartsWith, List<String> notEndsWith) {}

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
