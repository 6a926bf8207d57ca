package io.watchkeeper.core.config.aws;

import io.watchkeeper.core.json.Ephemeral;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.model.PolicyDocument;
import java.time.Instant;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * An SQS queue ({@code aws.sqs.queue}), from {@code GetQueueAttributes(All)}. Message counts
 * (ApproximateNumberOfMessages*) are left out: they are traffic, not configuration.
 *
 * @param queueUrl the queue URL
 * @param arn the queue ARN
 * @param policy the queue's access policy, or null when it has none
 * @param kmsMasterKeyId the KMS key of SSE-KMS (id, ARN or alias), or null
 * @param kmsDataKeyReusePeriodSeconds how long SSE-KMS reuses a data key, or null
 * @param sqsManagedSseEnabled whether SSE-SQS (SQS-owned keys) is on
 * @param visibilityTimeout seconds
 * @param messageRetentionPeriod seconds
 * @param delaySeconds seconds
 * @param maximumMessageSize bytes
 * @param receiveMessageWaitTimeSeconds long-poll wait, seconds
 * @param redrivePolicy where failed messages go, or null when the queue has no dead-letter queue
 * @param redriveAllowPolicy which source queues may use this queue as dead-letter queue (the raw
 *     JSON text), or null
 * @param fifoQueue whether the queue is FIFO
 * @param contentBasedDeduplication FIFO only
 * @param deduplicationScope FIFO only: messageGroup or queue
 * @param fifoThroughputLimit FIFO only: perQueue or perMessageGroupId
 * @param createdTimestamp when the queue was created
 * @param lastModifiedTimestamp when an attribute was last changed (the attributes themselves say what)
 * @param tags the queue's tags
 */
public record SqsQueueConfig(
        String queueUrl,
        String arn,
        PolicyDocument policy,
        String kmsMasterKeyId,
        Integer kmsDataKeyReusePeriodSeconds,
        Boolean sqsManagedSseEnabled,
        Integer visibilityTimeout,
        Integer messageRetentionPeriod,
        Integer delaySeconds,
        Integer maximumMessageSize,
        Integer receiveMessageWaitTimeSeconds,
        RedrivePolicy redrivePolicy,
        String redriveAllowPolicy,
        Boolean fifoQueue,
        Boolean contentBasedDeduplication,
        String deduplicationScope,
        String fifoThroughputLimit,
        Instant createdTimestamp,
        @Ephemeral Instant lastModifiedTimestamp,
        Map<String, String> tags) {

    /**
     * The queue's dead-letter settings.
     *
     * @param deadLetterTargetArn the dead-letter queue
     * @param maxReceiveCount receives before a message is moved there
     * @param unparseable the raw text when it is not the expected JSON object, else null
     */
    public record RedrivePolicy(String deadLetterTargetArn, Integer maxReceiveCount, String unparseable) {

        /** Parses the RedrivePolicy attribute; null or blank stays null, malformed text is kept raw. */
        public static RedrivePolicy parse(String raw) {
            if (raw == null || raw.isBlank()) {
                return null;
            }
            try {
                JsonNode node = Json.parse(raw);
                JsonNode target = node.get("deadLetterTargetArn");
                JsonNode count = node.get("maxReceiveCount");
                if (!node.isObject() || target == null || !target.isString()) {
                    return new RedrivePolicy(null, null, raw);
                }
                Integer max = count == null || count.isNull() ? null
                        : count.isNumber() ? Integer.valueOf(count.intValue()) : Integer.valueOf(count.asString().strip());
                return new RedrivePolicy(target.asString(), max, null);
            } catch (RuntimeException e) {
                return new RedrivePolicy(null, null, raw.length() > 4096 ? raw.substring(0, 4096) : raw);
            }
        }
    }
}
