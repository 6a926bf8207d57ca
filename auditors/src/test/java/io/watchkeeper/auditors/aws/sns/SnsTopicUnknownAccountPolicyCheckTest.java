package io.watchkeeper.auditors.aws.sns;

import io.watchkeeper.auditors.aws.resourcepolicy.PolicyFixtures;
import io.watchkeeper.auditors.aws.resourcepolicy.ResourcePolicyChecks;
import io.watchkeeper.auditors.aws.resourcepolicy.UnknownAccountPolicyCheckContract;
import io.watchkeeper.core.config.aws.SnsTopicConfig;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.model.PolicyDocument;

class SnsTopicUnknownAccountPolicyCheckTest extends UnknownAccountPolicyCheckContract<SnsTopicConfig> {

    private static final String CONFIG = "{'topicArn':'arn:aws:sns:us-east-1:111111111111:t','owner':'111111111111',"
            + "'subscriptions':[],'tags':{}}";

    @Override
    protected Check<SnsTopicConfig> check() {
        return ResourcePolicyChecks.get("aws.sns.topic/unknown-account-policy");
    }

    @Override
    protected SnsTopicConfig withPolicy(PolicyDocument policy) {
        return PolicyFixtures.withPolicy(SnsTopicConfig.class, CONFIG, policy);
    }
}
