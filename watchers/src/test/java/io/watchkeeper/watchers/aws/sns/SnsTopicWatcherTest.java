package io.watchkeeper.watchers.aws.sns;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.config.aws.SnsTopicConfig;
import io.watchkeeper.core.config.aws.SnsTopicConfig.Subscription;
import io.watchkeeper.core.json.CanonicalJson;
import io.watchkeeper.core.json.EphemeralPaths;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.watch.Observation;
import io.watchkeeper.watchers.testing.AwsWatcherTestSupport;
import io.watchkeeper.watchers.testing.Moto;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.Tag;

class SnsTopicWatcherTest extends AwsWatcherTestSupport {

    private static final String ARN_PREFIX = "arn:aws:sns:eu-west-1:" + Moto.ACCOUNT_ID + ":";

    private final SnsTopicWatcher watcher = new SnsTopicWatcher();

    @Test
    void readsPolicyEncryptionAndCrossAccountSubscriptions() {
        SnsClient sns = moto.client(SnsClient.builder(), "eu-west-1");
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\","
                + "\"Action\":\"sns:Publish\",\"Resource\":\"" + ARN_PREFIX + "alerts\"}]}";
        String arn = sns.createTopic(r -> r.name("alerts")
                .attributes(Map.of("DisplayName", "Alerts", "Policy", policy, "KmsMasterKeyId", "alias/alerts"))
                .tags(Tag.builder().key("team").value("ops").build())).topicArn();
        sns.subscribe(r -> r.topicArn(arn).protocol("sqs").endpoint("arn:aws:sqs:eu-west-1:999999999999:inbox"));
        sns.subscribe(r -> r.topicArn(arn).protocol("email").endpoint("ops@example.com"));

        Map<String, Observation.Observed<SnsTopicConfig>> seen = observed("eu-west-1");
        assertThat(seen).containsOnlyKeys("alerts");
        Observation.Observed<SnsTopicConfig> o = seen.get("alerts");
        assertThat(o.resourceId()).isEqualTo(ARN_PREFIX + "alerts");
        SnsTopicConfig c = o.config();
        assertThat(c.topicArn()).isEqualTo(ARN_PREFIX + "alerts");
        assertThat(c.displayName()).isEqualTo("Alerts");
        assertThat(c.owner()).isEqualTo(Moto.ACCOUNT_ID);
        assertThat(c.policy().json().at("/Statement/0/Principal").asString()).isEqualTo("*");
        assertThat(c.policy().json().at("/Statement/0/Action").asString()).isEqualTo("sns:Publish");
        assertThat(c.kmsMasterKeyId()).isEqualTo("alias/alerts");
        assertThat(c.subscriptions()).containsExactly(
                new Subscription("email", "ops@example.com", Moto.ACCOUNT_ID),
                new Subscription("sqs", "arn:aws:sqs:eu-west-1:999999999999:inbox", Moto.ACCOUNT_ID));
        assertThat(c.tags()).isEqualTo(Map.of("team", "ops"));
        // The stored canonical JSON reads back into the same record.
        assertThat(Json.read(CanonicalJson.of(c).fullText(), SnsTopicConfig.class)).isEqualTo(c);
    }

    @Test
    void aDefaultTopicHasNoEncryptionNoSubscriptionsAndNoOwnDeliveryPolicy() {
        SnsClient sns = moto.client(SnsClient.builder(), "eu-west-1");
        sns.createTopic(r -> r.name("plain"));

        SnsTopicConfig c = observed("eu-west-1").get("plain").config();
        assertThat(c.kmsMasterKeyId()).isNull();
        assertThat(c.subscriptions()).isEmpty();
        assertThat(c.deliveryPolicy()).isNull();
        assertThat(c.fifoTopic()).isNotEqualTo(Boolean.TRUE);
        assertThat(c.tags()).isEmpty();
        // Every topic has the default access policy (same-account principals only).
        assertThat(c.policy().parsed()).isTrue();
    }

    @Test
    void readsFifoTopics() {
        SnsClient sns = moto.client(SnsClient.builder(), "eu-west-1");
        sns.createTopic(r -> r.name("events.fifo").attributes(Map.of("FifoTopic", "true",
                "ContentBasedDeduplication", "true")));

        SnsTopicConfig c = observed("eu-west-1").get("events.fifo").config();
        assertThat(c.fifoTopic()).isTrue();
        assertThat(c.contentBasedDeduplication()).isTrue();
    }

    @Test
    void subscriptionCountsAreEphemeralAndOtherRegionsAreNotListed() {
        assertThat(EphemeralPaths.of(SnsTopicConfig.class).describe())
                .containsExactlyInAnyOrder("subscriptionsConfirmed", "subscriptionsPending", "subscriptionsDeleted");
        SnsClient west = moto.client(SnsClient.builder(), "eu-west-1");
        west.createTopic(r -> r.name("west-only"));

        assertThat(observe(watcher, "us-east-1")).isEmpty();
        assertThat(observed("eu-west-1")).containsOnlyKeys("west-only");
    }

    private Map<String, Observation.Observed<SnsTopicConfig>> observed(String region) {
        List<Observation<SnsTopicConfig>> all = observe(watcher, region);
        assertThat(all).as("unreadable topics: %s", all).allMatch(o -> o instanceof Observation.Observed<SnsTopicConfig>);
        return all.stream().map(o -> (Observation.Observed<SnsTopicConfig>) o)
                .collect(java.util.stream.Collectors.toMap(Observation.Observed::name, o -> o));
    }
}
