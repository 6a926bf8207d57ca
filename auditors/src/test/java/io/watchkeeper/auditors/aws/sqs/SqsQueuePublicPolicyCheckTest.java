package io.watchkeeper.auditors.aws.sqs;

import static io.watchkeeper.auditors.aws.resourcepolicy.PolicyFixtures.allow;
import static io.watchkeeper.auditors.aws.resourcepolicy.PolicyFixtures.condition;
import static io.watchkeeper.auditors.aws.resourcepolicy.PolicyFixtures.policy;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.aws.resourcepolicy.PolicyFixtures;
import io.watchkeeper.auditors.aws.resourcepolicy.ResourcePolicyChecks;
import io.watchkeeper.auditors.aws.resourcepolicy.PublicPolicyCheckContract;
import io.watchkeeper.core.config.aws.SqsQueueConfig;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import io.watchkeeper.core.model.PolicyDocument;
import org.junit.jupiter.api.Test;

class SqsQueuePublicPolicyCheckTest extends PublicPolicyCheckContract<SqsQueueConfig> {

    private static final String CONFIG = "{'queueUrl':'https://sqs.us-east-1.amazonaws.com/111111111111/q',"
            + "'arn':'arn:aws:sqs:us-east-1:111111111111:q','sqsManagedSseEnabled':true,"
            + "'tags':{}}";

    @Override
    protected Check<SqsQueueConfig> check() {
        return ResourcePolicyChecks.get("aws.sqs.queue/public-policy");
    }

    @Override
    protected SqsQueueConfig withPolicy(PolicyDocument policy) {
        return PolicyFixtures.withPolicy(SqsQueueConfig.class, CONFIG, policy);
    }

    @Test
    void aTopicOfTheAccountSendingToTheQueueIsNotPublic() {
        assertThat(evaluate(policy(allow("FromTopic", "'*'",
                condition("ArnEquals", "aws:SourceArn", "arn:aws:sns:us-east-1:111111111111:t"))))).isEmpty();
    }

    /** Was reported as an unknown account: a wildcard on the account of aws:SourceArn matches every topic named t. */
    @Test
    void aSourceArnWildcardOnEveryAccountIsPublic() {
        var evidence = evaluate(policy(allow("FromAnyTopic", "'*'", condition("ArnLike", "aws:SourceArn", "arn:aws:sns:*:*:t"))));
        assertThat(evidence).extracting(Evidence::key).containsExactly("sid:FromAnyTopic:* if aws:SourceArn arn:aws:sns:*:*:t");
        assertThat(evidence.getFirst().exposure()).isEqualTo(Exposure.INTERNET);
        assertThat(evidence.getFirst().message()).contains("any AWS principal");
    }
}
