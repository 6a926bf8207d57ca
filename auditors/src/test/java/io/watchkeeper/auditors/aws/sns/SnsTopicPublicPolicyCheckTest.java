package io.watchkeeper.auditors.aws.sns;

import static io.watchkeeper.auditors.aws.resourcepolicy.PolicyFixtures.policy;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.aws.resourcepolicy.PolicyFixtures;
import io.watchkeeper.auditors.aws.resourcepolicy.ResourcePolicyChecks;
import io.watchkeeper.auditors.aws.resourcepolicy.PublicPolicyCheckContract;
import io.watchkeeper.core.config.aws.SnsTopicConfig;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.model.PolicyDocument;
import org.junit.jupiter.api.Test;

class SnsTopicPublicPolicyCheckTest extends PublicPolicyCheckContract<SnsTopicConfig> {

    private static final String CONFIG = "{'topicArn':'arn:aws:sns:us-east-1:111111111111:t','owner':'111111111111',"
            + "'subscriptions':[],'tags':{}}";

    @Override
    protected Check<SnsTopicConfig> check() {
        return ResourcePolicyChecks.get("aws.sns.topic/public-policy");
    }

    @Override
    protected SnsTopicConfig withPolicy(PolicyDocument policy) {
        return PolicyFixtures.withPolicy(SnsTopicConfig.class, CONFIG, policy);
    }

    @Test
    void theDefaultTopicPolicyPinnedToTheOwnerIsNotPublic() {
        assertThat(evaluate(policy("{'Sid':'__default_statement_ID','Effect':'Allow','Principal':{'AWS':'*'},"
                + "'Action':['SNS:Publish','SNS:Subscribe'],'Resource':'arn:aws:sns:us-east-1:111111111111:t',"
                + "'Condition':{'StringEquals':{'AWS:SourceOwner':'111111111111'}}}"))).isEmpty();
    }
}
