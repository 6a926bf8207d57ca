package io.watchkeeper.core.config.aws;

import io.watchkeeper.core.json.Ephemeral;
import io.watchkeeper.core.model.PolicyDocument;
import java.util.List;
import java.util.Map;

/**
 * An SNS topic ({@code aws.sns.topic}) with its subscriptions.
 *
 * @param topicArn the topic ARN
 * @param displayName the display name (SMS sender, e-mail "From"), or null when unset
 * @param owner the owning account
 * @param policy the topic's access policy
 * @param kmsMasterKeyId the KMS key of server-side encryption, or null when unencrypted
 * @param fifoTopic whether the topic is FIFO
 * @param contentBasedDeduplication FIFO only
 * @param signatureVersion version of the message signature (1 = SHA1, 2 = SHA256), or null
 * @param deliveryPolicy the topic's own HTTP/S delivery policy (JSON text), or null
 * @param effectiveDeliveryPolicy the delivery policy in force, defaults included (JSON text), or null
 * @param subscriptions who receives the topic's messages, pending confirmations included, sorted
 * @param subscriptionsConfirmed count reported by SNS
 * @param subscriptionsPending count reported by SNS
 * @param subscriptionsDeleted count reported by SNS
 * @param tags the topic's tags
 */
public record SnsTopicConfig(
        String topicArn,
        String displayName,
        String owner,
        PolicyDocument policy,
        String kmsMasterKeyId,
        Boolean fifoTopic,
        Boolean contentBasedDeduplication,
        String signatureVersion,
        String deliveryPolicy,
        String effectiveDeliveryPolicy,
        List<Subscription> subscriptions,
        @Ephemeral Integer subscriptionsConfirmed,
        @Ephemeral Integer subscriptionsPending,
        @Ephemeral Integer subscriptionsDeleted,
        Map<String, String> tags) {

    /**
     * One subscription. Its ARN is left out: a pending subscription has none, and it says nothing
     * the other fields do not.
     *
     * @param protocol http, https, email, email-json, sms, sqs, application, lambda or firehose
     * @param endpoint the URL, address, phone number or ARN messages are sent to
     * @param owner the account that owns the subscription (may differ from the topic's)
     */
    public record Subscription(String protocol, String endpoint, String owner) {}
}
