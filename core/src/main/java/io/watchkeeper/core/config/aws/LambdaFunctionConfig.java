package io.watchkeeper.core.config.aws;

import io.watchkeeper.core.model.PolicyDocument;
import io.watchkeeper.core.secrets.ConfigSecrets;
import io.watchkeeper.core.secrets.FoundSecret;
import java.util.List;
import java.util.Map;

/**
 * A Lambda function ({@code aws.lambda.function}), its unpublished ({@code $LATEST}) configuration.
 *
 * <p>Environment variables are kept by name only. Their values often hold secrets (database
 * passwords, API tokens), and storing them here would copy those secrets into every revision of
 * the history, readable by anyone allowed to browse configuration; a rename, addition or removal
 * still shows. Values are scanned at watch time for provider secrets ({@link ConfigSecrets}); what is
 * found is kept masked with a keyed hash, so a changed secret makes a revision without being stored.
 *
 * @param functionName the function's name
 * @param functionArn the unqualified function ARN
 * @param description the function's description (empty when unset)
 * @param runtime e.g. python3.12; null for container-image functions
 * @param handler the handler; null for container-image functions
 * @param role the execution role ARN
 * @param packageType Zip or Image
 * @param architectures x86_64 and/or arm64
 * @param timeout seconds
 * @param memorySize MB
 * @param environmentVariableNames the names of the environment variables, sorted; never the values
 * @param environmentSecrets provider secrets found in the values: variable, rule, masked form, keyed hash;
 *        sorted, at most {@value ConfigSecrets#MAX_FOUND}
 * @param vpc the VPC attachment, or null when the function is not in a VPC
 * @param kmsKeyArn the customer-managed key encrypting the environment, or null (AWS-owned key)
 * @param tracingMode Active or PassThrough
 * @param layerArns the layer version ARNs in the order Lambda applies them (order matters)
 * @param deadLetterTargetArn the SQS queue or SNS topic for failed asynchronous events, or null
 * @param lastModified when the code or configuration was last deployed (as Lambda reports it)
 * @param codeSha256 hash of the deployment package
 * @param policy the resource-based policy of the unqualified function, or null when it has none
 * @param functionUrl the function URL of the unqualified function, or null when it has none
 * @param tags the function's tags
 */
public record LambdaFunctionConfig(
        String functionName,
        String functionArn,
        String description,
        String runtime,
        String handler,
        String role,
        String packageType,
        List<String> architectures,
        Integer timeout,
        Integer memorySize,
        List<String> environmentVariableNames,
        List<FoundSecret> environmentSecrets,
        Vpc vpc,
        String kmsKeyArn,
        String tracingMode,
        List<String> layerArns,
        String deadLetterTargetArn,
        String lastModified,
        String codeSha256,
        PolicyDocument policy,
        FunctionUrl functionUrl,
        Map<String, String> tags) {

    /**
     * Where the function runs in a VPC.
     *
     * @param vpcId the VPC
     * @param subnetIds subnets, sorted
     * @param securityGroupIds security groups, sorted
     */
    public record Vpc(String vpcId, List<String> subnetIds, List<String> securityGroupIds) {}

    /**
     * A function URL.
     *
     * @param url the https URL
     * @param authType NONE (anyone may call it, subject to the resource policy) or AWS_IAM
     * @param invokeMode BUFFERED or RESPONSE_STREAM
     * @param corsAllowOrigins the CORS allowed origins, sorted (empty when CORS is not configured)
     */
    public record FunctionUrl(String url, String authType, String invokeMode, List<String> corsAllowOrigins) {}
}
