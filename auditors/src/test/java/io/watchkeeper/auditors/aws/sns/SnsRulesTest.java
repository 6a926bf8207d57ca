package io.watchkeeper.auditors.aws.sns;

import static io.watchkeeper.auditors.testing.RuleCase.fails;
import static io.watchkeeper.auditors.testing.RuleCase.passes;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.RuleCase;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** SNS HTTP subscriptions (endpoint masked) and topics without KMS. */
public class SnsRulesTest {

    private static final String TOPIC = "'topicArn':'arn:aws:sns:us-east-1:111111111111:alerts'";

    public static final List<RuleCase> CASES = List.of(
            fails("aws.sns.topic/http-subscription", "{" + TOPIC + ",'subscriptions':[{'protocol':'http','endpoint':"
                    + "'http://hooks.example.com:8080/notify?token=s3cr3t'}]}",
                    "subscription:http:" + SnsRules.masked("http://hooks.example.com:8080/notify?token=s3cr3t")),
            passes("aws.sns.topic/http-subscription", "{" + TOPIC + ",'subscriptions':[{'protocol':'https','endpoint':"
                    + "'https://hooks.example.com/notify'},{'protocol':'email','endpoint':'ops@example.com'}]}",
                    "HTTPS and email"),
            fails("aws.sns.topic/not-encrypted", "{" + TOPIC + "}", "encryption"),
            passes("aws.sns.topic/not-encrypted", "{" + TOPIC + ",'kmsMasterKeyId':'alias/aws/sns'}", "KMS"));

    @ParameterizedTest(name = "{0}")
    @FieldSource("CASES")
    void decides(RuleCase example) {
        example.run();
    }

    @Test
    void theEndpointsPathAndQueryNeverReachTheEvidence() {
        var evidence = CASES.getFirst().run().getFirst();
        assertThat(evidence.key() + evidence.message() + evidence.details()).doesNotContain("s3cr3t", "notify", "token");
        assertThat(SnsRules.masked("http://user:pw@h.example/x?y=z")).startsWith("http://h.example/#")
                .doesNotContain("pw", "user");
        assertThat(SnsRules.masked("http://h.example/a")).isNotEqualTo(SnsRules.masked("http://h.example/b"));
        assertThat(SnsRules.masked("not a uri ^")).startsWith("http://?/#");
    }
}
