package io.watchkeeper.auditors.aws.sqs;

import io.watchkeeper.auditors.aws.resourcepolicy.PolicyFixtures;
import io.watchkeeper.auditors.aws.resourcepolicy.ResourcePolicyChecks;
import io.watchkeeper.auditors.aws.resourcepolicy.UnparseablePolicyCheckContract;
import io.watchkeeper.core.config.aws.SqsQueueConfig;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.model.PolicyDocument;

class SqsQueueUnparseablePolicyCheckTest extends UnparseablePolicyCheckContract<SqsQueueConfig> {

    private static final String CONFIG = "{'queueUrl':'https://sqs.us-east-1.amazonaws.com/111111111111/q',"
            + "'arn':'arn:aws:sqs:us-east-1:111111111111:q','sqsManagedSseEnabled':true,"
            + "'tags':{}}";

    @Override
    protected Check<SqsQueueConfig> check() {
        return ResourcePolicyChecks.get("aws.sqs.queue/unparseable-policy");
    }

    @Override
    protected SqsQueueConfig withPolicy(PolicyDocument policy) {
        return PolicyFixtures.withPolicy(SqsQueueConfig.class, CONFIG, policy);
    }
}
