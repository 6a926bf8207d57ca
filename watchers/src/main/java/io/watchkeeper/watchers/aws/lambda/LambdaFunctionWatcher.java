package io.watchkeeper.watchers.aws.lambda;

import com.google.auto.service.AutoService;
import io.watchkeeper.core.config.aws.LambdaFunctionConfig;
import io.watchkeeper.core.model.PolicyDocument;
import io.watchkeeper.core.secrets.ConfigSecrets;
import io.watchkeeper.core.watch.Observation;
import io.watchkeeper.core.watch.ScopeKind;
import io.watchkeeper.core.watch.WatchScope;
import io.watchkeeper.core.watch.Watcher;
import io.watchkeeper.aws.AwsSession;
import io.watchkeeper.watchers.aws.AwsWatcher;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.Layer;

/**
 * Lambda functions ({@code $LATEST}) with resource policy, function URL and tags.
 *
 * <p>Environment variables are read by ListFunctions with their values, but only the names are
 * kept: values often hold secrets (passwords, tokens), which must not be copied into the stored
 * history. The values are scanned for provider secrets here (masked form and keyed hash kept) and
 * dropped, before anything is stored or logged.
 *
 * <p>Policy and URL are those of the unqualified function; aliases can carry their own (not read).
 */
@AutoService(Watcher.class)
public final class LambdaFunctionWatcher extends AwsWatcher<LambdaFunctionConfig> {

    public LambdaFunctionWatcher() {
        super("aws.lambda.function", LambdaFunctionConfig.class, ScopeKind.REGIONAL, "lambda:ListFunctions",
                "lambda:GetPolicy", "lambda:GetFunctionUrlConfig", "lambda:ListTags");
    }

    @Override
    protected List<Observation<LambdaFunctionConfig>> observe(WatchScope scope, AwsSession aws) {
        LambdaClient lambda = aws.lambda(scope.region());
        List<FunctionConfiguration> functions = lambda.listFunctionsPaginator(r -> r.maxItems(50)).functions().stream().toList();
        return describeEach(functions, FunctionConfiguration::functionArn, FunctionConfiguration::functionName,
                f -> new Observation.Observed<>(f.functionArn(), f.functionName(), scope.region(), describe(lambda, f)));
    }

    private static LambdaFunctionConfig describe(LambdaClient lambda, FunctionConfiguration f) {
        String arn = f.functionArn();
        String policy = orNull(() -> lambda.getPolicy(r -> r.functionName(arn)).policy(), "ResourceNotFoundException");
        var url = orNull(() -> lambda.getFunctionUrlConfig(r -> r.functionName(arn)), "ResourceNotFoundException");
        Map<String, String> tags = lambda.listTags(r -> r.resource(arn)).tags();
        var env = f.environment() == null || f.environment().variables() == null ? Map.<String, String>of()
                : f.environment().variables();
        var vpc = f.vpcConfig();
        boolean inVpc = vpc != null && (vpc.hasSubnetIds() && !vpc.subnetIds().isEmpty()
                || vpc.vpcId() != null && !vpc.vpcId().isBlank());
        return new LambdaFunctionConfig(f.functionName(), arn, f.description(), f.runtimeAsString(), f.handler(),
                f.role(), f.packageTypeAsString(), sorted(f.architecturesAsStrings(), Comparator.naturalOrder()),
                f.timeout(), f.memorySize(), sorted(List.copyOf(env.keySet()), Comparator.naturalOrder()),
                ConfigSecrets.scanEnvironment(env),
                inVpc ? new LambdaFunctionConfig.Vpc(vpc.vpcId(), sorted(vpc.subnetIds(), Comparator.naturalOrder()),
                        sorted(vpc.securityGroupIds(), Comparator.naturalOrder())) : null,
                f.kmsKeyArn(), f.tracingConfig() == null ? null : f.tracingConfig().modeAsString(),
                f.layers().stream().map(Layer::arn).toList(),
                f.deadLetterConfig() == null ? null : f.deadLetterConfig().targetArn(),
                f.lastModified(), f.codeSha256(), PolicyDocument.parse(policy),
                url == null ? null : new LambdaFunctionConfig.FunctionUrl(url.functionUrl(), url.authTypeAsString(),
                        url.invokeModeAsString(), url.cors() == null ? List.of()
                                : sorted(url.cors().allowOrigins(), Comparator.naturalOrder())),
                tags(List.copyOf(tags.entrySet()), Map.Entry::getKey, Map.Entry::getValue));
    }
}
