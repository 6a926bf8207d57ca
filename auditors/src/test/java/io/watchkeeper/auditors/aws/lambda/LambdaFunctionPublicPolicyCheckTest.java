package io.watchkeeper.auditors.aws.lambda;

import static io.watchkeeper.auditors.aws.resourcepolicy.PolicyFixtures.allow;
import static io.watchkeeper.auditors.aws.resourcepolicy.PolicyFixtures.condition;
import static io.watchkeeper.auditors.aws.resourcepolicy.PolicyFixtures.policy;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.aws.resourcepolicy.PolicyFixtures;
import io.watchkeeper.auditors.aws.resourcepolicy.ResourcePolicyChecks;
import io.watchkeeper.auditors.aws.resourcepolicy.PublicPolicyCheckContract;
import io.watchkeeper.core.config.aws.LambdaFunctionConfig;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.model.PolicyDocument;
import org.junit.jupiter.api.Test;

class LambdaFunctionPublicPolicyCheckTest extends PublicPolicyCheckContract<LambdaFunctionConfig> {

    private static final String CONFIG = "{'functionName':'f',"
            + "'functionArn':'arn:aws:lambda:us-east-1:111111111111:function:f','tags':{}}";

    @Override
    protected Check<LambdaFunctionConfig> check() {
        return ResourcePolicyChecks.get("aws.lambda.function/public-policy");
    }

    @Override
    protected LambdaFunctionConfig withPolicy(PolicyDocument policy) {
        return PolicyFixtures.withPolicy(LambdaFunctionConfig.class, CONFIG, policy);
    }

    @Test
    void theFunctionUrlPermissionForEveryoneIsPublicButApiGatewayIsNot() {
        assertThat(evaluate(policy("{'Sid':'FunctionURLAllowPublicAccess','Effect':'Allow','Principal':'*',"
                + "'Action':'lambda:InvokeFunctionUrl','Resource':'arn:aws:lambda:us-east-1:111111111111:function:f',"
                + "'Condition':{'StringEquals':{'lambda:FunctionUrlAuthType':'NONE'}}}")))
                .extracting(Evidence::key).containsExactly("sid:FunctionURLAllowPublicAccess:*");
        assertThat(evaluate(policy(allow("Api", "{'Service':'apigateway.amazonaws.com'}",
                condition("ArnLike", "AWS:SourceArn", "arn:aws:execute-api:us-east-1:111111111111:abc/*"))))).isEmpty();
    }
}
