package io.watchkeeper.watchers.aws.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.config.aws.SqsQueueConfig;
import io.watchkeeper.core.json.CanonicalJson;
import io.watchkeeper.core.json.EphemeralPaths;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.watch.Observation;
import io.watchkeeper.watchers.testing.AwsWatcherTestSupport;
import io.watchkeeper.watchers.testing.Moto;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

class SqsQueueWatcherTest extends AwsWatcherTestSupport {

    private static final String ARN_PREFIX = "arn:aws:sqs:eu-west-1:" + Moto.ACCOUNT_ID + ":";

    private final SqsQueueWatcher watcher = new SqsQueueWatcher();

    @Test
    void readsAPublicEncryptedQueueWithDeadLetterQueue() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        SqsClient sqs = moto.client(SqsClient.builder(), "eu-west-1");
        sqs.createQueue(r -> r.queueName("orders-dlq"));
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\","
                + "\"Action\":\"sqs:SendMessage\",\"Resource\":\"" + ARN_PREFIX + "orders\"}]}";
        sqs.createQueue(r -> r.queueName("orders").tags(Map.of("team", "shop")).attributesWithStrings(Map.of(
                "Policy", policy,
                "KmsMasterKeyId", "alias/orders",
                "KmsDataKeyReusePeriodSeconds", "600",
                "VisibilityTimeout", "45",
                "MessageRetentionPeriod", "86400",
                "DelaySeconds", "5",
                "MaximumMessageSize", "2048",
                "ReceiveMessageWaitTimeSeconds", "10",
                "RedrivePolicy", "{\"deadLetterTargetArn\":\"" + ARN_PREFIX + "orders-dlq\",\"maxReceiveCount\":3}")));

        Map<String, Observation.Observed<SqsQueueConfig>> seen = observed("eu-west-1");
        assertThat(seen).containsOnlyKeys("orders", "orders-dlq");
        Observation.Observed<SqsQueueConfig> o = seen.get("orders");
        assertThat(o.resourceId()).isEqualTo(ARN_PREFIX + "orders");
        SqsQueueConfig c = o.config();
        assertThat(c.arn()).isEqualTo(ARN_PREFIX + "orders");
        assertThat(c.queueUrl()).endsWith("/" + Moto.ACCOUNT_ID + "/orders");
        assertThat(c.policy().json().at("/Statement/0/Principal").asString()).isEqualTo("*");
        assertThat(c.policy().json().at("/Statement/0/Action").asString()).isEqualTo("sqs:SendMessage");
        assertThat(c.kmsMasterKeyId()).isEqualTo("alias/orders");
        assertThat(c.kmsDataKeyReusePeriodSeconds()).isEqualTo(600);
        assertThat(c.visibilityTimeout()).isEqualTo(45);
        assertThat(c.messageRetentionPeriod()).isEqualTo(86400);
        assertThat(c.delaySeconds()).isEqualTo(5);
        assertThat(c.maximumMessageSize()).isEqualTo(2048);
        assertThat(c.receiveMessageWaitTimeSeconds()).isEqualTo(10);
        assertThat(c.redrivePolicy()).isEqualTo(new SqsQueueConfig.RedrivePolicy(ARN_PREFIX + "orders-dlq", 3, null));
        assertThat(c.fifoQueue()).isNotEqualTo(Boolean.TRUE);
        assertThat(c.createdTimestamp()).isAfterOrEqualTo(before).isBefore(Instant.now().plusSeconds(5));
        assertThat(c.tags()).isEqualTo(Map.of("team", "shop"));
        // The stored canonical JSON reads back into the same record.
        assertThat(Json.read(CanonicalJson.of(c).fullText(), SqsQueueConfig.class)).isEqualTo(c);
    }

    @Test
    void aQueueWithoutPolicyHasNoneAndSqsManagedEncryptionIsRead() {
        SqsClient sqs = moto.client(SqsClient.builder(), "eu-west-1");
        sqs.createQueue(r -> r.queueName("plain").attributesWithStrings(Map.of("SqsManagedSseEnabled", "true")));

        SqsQueueConfig c = observed("eu-west-1").get("plain").config();
        assertThat(c.policy()).isNull();
        assertThat(c.redrivePolicy()).isNull();
        assertThat(c.kmsMasterKeyId()).isNull();
        assertThat(c.sqsManagedSseEnabled()).isTrue();
        assertThat(c.tags()).isEmpty();
    }

    @Test
    void readsFifoSettings() {
        SqsClient sqs = moto.client(SqsClient.builder(), "eu-west-1");
        sqs.createQueue(r -> r.queueName("jobs.fifo").attributesWithStrings(Map.of(
                "FifoQueue", "true", "ContentBasedDeduplication", "true")));

        Observation.Observed<SqsQueueConfig> o = observed("eu-west-1").get("jobs.fifo");
        assertThat(o.resourceId()).isEqualTo(ARN_PREFIX + "jobs.fifo");
        assertThat(o.config().fifoQueue()).isTrue();
        assertThat(o.config().contentBasedDeduplication()).isTrue();
    }

    @Test
    void redrivePoliciesParseOrStayRaw() {
        assertThat(SqsQueueConfig.RedrivePolicy.parse("{\"deadLetterTargetArn\":\"arn:x\",\"maxReceiveCount\":\"7\"}"))
                .isEqualTo(new SqsQueueConfig.RedrivePolicy("arn:x", 7, null));
        assertThat(SqsQueueConfig.RedrivePolicy.parse("not json"))
                .isEqualTo(new SqsQueueConfig.RedrivePolicy(null, null, "not json"));
        assertThat(SqsQueueConfig.RedrivePolicy.parse("")).isNull();
    }

    @Test
    void lastModifiedIsEphemeralAndOtherRegionsAreNotListed() {
        assertThat(EphemeralPaths.of(SqsQueueConfig.class).describe()).containsExactly("lastModifiedTimestamp");
        SqsClient west = moto.client(SqsClient.builder(), "eu-west-1");
        west.createQueue(r -> r.queueName("west-only"));

        assertThat(observe(watcher, "us-east-1")).isEmpty();
        assertThat(observed("eu-west-1")).containsOnlyKeys("west-only");
    }

    private Map<String, Observation.Observed<SqsQueueConfig>> observed(String region) {
        List<Observation<SqsQueueConfig>> all = observe(watcher, region);
        assertThat(all).as("unreadable queues: %s", all).allMatch(o -> o instanceof Observation.Observed<SqsQueueConfig>);
        return all.stream().map(o -> (Observation.Observed<SqsQueueConfig>) o)
                .collect(java.util.stream.Collectors.toMap(Observation.Observed::name, o -> o));
    }
}
