package io.watchkeeper.auditors.aws.sqs;

import static io.watchkeeper.auditors.aws.resourcepolicy.PolicyFixtures.allow;
import static io.watchkeeper.auditors.aws.resourcepolicy.PolicyFixtures.condition;
import static io.watchkeeper.auditors.aws.resourcepolicy.PolicyFixtures.policy;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.aws.resourcepolicy.PolicyFixtures;
import io.watchkeeper.auditors.aws.resourcepolicy.ResourcePolicyChecks;
import io.watchkeeper.auditors.aws.resourcepolicy.UnknownAccountPolicyCheckContract;
import io.watchkeeper.core.config.aws.SqsQueueConfig;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.model.PolicyDocument;
import org.junit.jupiter.api.Test;

class SqsQueueUnknownAccountPolicyCheckTest extends UnknownAccountPolicyCheckContract<SqsQueueConfig> {

    private static final String CONFIG = "{'queueUrl':'https://sqs.us-east-1.amazonaws.com/111111111111/q',"
            + "'arn':'arn:aws:sqs:us-east-1:111111111111:q','sqsManagedSseEnabled':true,"
            + "'tags':{}}";

    @Override
    protected Check<SqsQueueConfig> check() {
        return ResourcePolicyChecks.get("aws.sqs.queue/unknown-account-policy");
    }

    @Override
    protected SqsQueueConfig withPolicy(PolicyDocument policy) {
        return PolicyFixtures.withPolicy(SqsQueueConfig.class, CONFIG, policy);
    }

    @Test
    void aSourceArnWildcardOnSomeAccountsIsUnknown() {
        assertThat(evaluate(policy(allow("FromSomeTopics", "'*'", condition("ArnLike", "aws:SourceArn", "arn:aws:sns:*:9*:t")))))
                .extracting(Evidence::key).containsExactly("sid:FromSomeTopics:* if aws:SourceArn arn:aws:sns:*:9*:t");
    }

    /** A wildcard matching every account pins nobody: the grant is public (SqsQueuePublicPolicyCheckTest), not unknown. */
    @Test
    void aSourceArnWildcardOnEveryAccountIsNotAnUnknownAccount() {
        assertThat(evaluate(policy(allow("FromAnyTopic", "'*'", condition("ArnLike", "aws:SourceArn", "arn:aws:sns:*:*:t")))))
                .isEmpty();
    }
}
