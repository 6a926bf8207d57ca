package io.watchkeeper.auditors.aws.lambda;

import io.watchkeeper.auditors.aws.resourcepolicy.PolicyFixtures;
import io.watchkeeper.auditors.aws.resourcepolicy.ResourcePolicyChecks;
import io.watchkeeper.auditors.aws.resourcepolicy.UnknownAccountPolicyCheckContract;
import io.watchkeeper.core.config.aws.LambdaFunctionConfig;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.model.PolicyDocument;

class LambdaFunctionUnknownAccountPolicyCheckTest extends UnknownAccountPolicyCheckContract<LambdaFunctionConfig> {

    private static final String CONFIG = "{'functionName':'f',"
            + "'functionArn':'arn:aws:lambda:us-east-1:111111111111:function:f','tags':{}}";

    @Override
    protected Check<LambdaFunctionConfig> check() {
        return ResourcePolicyChecks.get("aws.lambda.function/unknown-account-policy");
    }

    @Override
    protected LambdaFunctionConfig withPolicy(PolicyDocument policy) {
        return PolicyFixtures.withPolicy(LambdaFunctionConfig.class, CONFIG, policy);
    }
}
