package io.watchkeeper.auditors.aws.sns;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.Configs;
import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.config.aws.SnsTopicConfig;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import org.junit.jupiter.api.Test;

class SnsTopicUnknownAccountSubscriptionCheckTest {

    private final SnsTopicUnknownAccountSubscriptionCheck check = new SnsTopicUnknownAccountSubscriptionCheck();

    private static SnsTopicConfig topic(String subscriptions) {
        return Configs.parse(SnsTopicConfig.class, "{'topicArn':'arn:aws:sns:us-east-1:111111111111:t','owner':'111111111111',"
                + "'subscriptions':[" + subscriptions + "]}");
    }

    private static String sub(String protocol, String endpoint, String owner) {
        return "{'protocol':'" + protocol + "','endpoint':'" + endpoint + "','owner':'" + owner + "'}";
    }

    @Test
    void anUnknownOwnerOrAnEndpointInAnUnknownAccountIsReported() {
        var evidence = check.evaluate(topic(sub("sqs", "arn:aws:sqs:us-east-1:999999999999:q", "111111111111") + ","
                + sub("https", "https://hooks.example.com/x", "999999999999")), new TestContext());
        assertThat(evidence).extracting(Evidence::key).containsExactly("subscription:sqs:arn:aws:sqs:us-east-1:999999999999:q",
                "subscription:https:https://hooks.example.com/x");
        assertThat(evidence).extracting(Evidence::exposure).containsOnly(Exposure.UNKNOWN_ACCOUNT);
    }

    @Test
    void ownRegisteredAndNonArnEndpointsAreFine() {
        assertThat(check.evaluate(topic(sub("lambda", "arn:aws:lambda:us-east-1:111111111111:function:f", "111111111111") + ","
                + sub("sqs", "arn:aws:sqs:us-east-1:222222222222:q", "222222222222") + ","
                + sub("sqs", "arn:aws:sqs:us-east-1:333333333333:q", "111111111111") + ","
                + sub("email", "ops@example.com", "111111111111") + ",{'protocol':'sms'}"), new TestContext())).isEmpty();
        assertThat(check.evaluate(Configs.parse(SnsTopicConfig.class, "{'topicArn':'t'}"), new TestContext())).isEmpty();
    }
}
