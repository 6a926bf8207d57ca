package io.watchkeeper.auditors.aws.lambda;

import com.google.auto.service.AutoService;
import io.watchkeeper.auditors.aws.resourcepolicy.ResourcePolicyEvidence;
import io.watchkeeper.core.config.aws.LambdaFunctionConfig;
import io.watchkeeper.core.finding.AuditContext;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.CheckId;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import io.watchkeeper.core.finding.Severity;
import java.util.List;

/** The function has a URL with auth type NONE: anyone who knows it may call the function. */
@AutoService(Check.class)
public final class LambdaFunctionUrlWithoutAuthCheck implements Check<LambdaFunctionConfig> {

    @Override public CheckId id() { return CheckId.of("aws.lambda.function/url-without-auth"); }
    @Override public Class<LambdaFunctionConfig> configType() { return LambdaFunctionConfig.class; }
    @Override public Severity severity() { return Severity.HIGH; }
    @Override public String title() { return "Lambda function URL requires no authentication"; }
    @Override public String rationale() {
        return "A function URL with auth type NONE is an unauthenticated HTTPS endpoint on the internet: anyone can "
                + "invoke the function, run up its cost and probe its code.";
    }
    @Override public String remediation() {
        return "Set the URL's auth type to AWS_IAM, put the function behind API Gateway or CloudFront with "
                + "authentication, or delete the URL.";
    }
    @Override public List<String> controls() { return List.of(); }

    @Override
    public List<Evidence> evaluate(LambdaFunctionConfig function, AuditContext context) {
        var url = function.functionUrl();
        if (url == null || !"NONE".equalsIgnoreCase(url.authType())) {
            return List.of();
        }
        return List.of(Evidence.of("function-url", ResourcePolicyEvidence.line("Function URL " + url.url()
                + " accepts unauthenticated calls"), Exposure.INTERNET, url));
    }
}
