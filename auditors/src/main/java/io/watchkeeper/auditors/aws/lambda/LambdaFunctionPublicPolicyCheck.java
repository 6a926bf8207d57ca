package io.watchkeeper.auditors.aws.lambda;

import com.google.auto.service.AutoService;
import io.watchkeeper.auditors.aws.resourcepolicy.ResourcePolicyEvidence;
import io.watchkeeper.core.config.aws.LambdaFunctionConfig;
import io.watchkeeper.core.finding.AuditContext;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.CheckId;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Severity;
import java.util.List;

/** The function policy lets anyone in. */
@AutoService(Check.class)
public final class LambdaFunctionPublicPolicyCheck implements Check<LambdaFunctionConfig> {

    @Override public CheckId id() { return CheckId.of("aws.lambda.function/public-policy"); }
    @Override public Class<LambdaFunctionConfig> configType() { return LambdaFunctionConfig.class; }
    @Override public Severity severity() { return Severity.CRITICAL; }
    @Override public String title() { return "Lambda function policy grants access to everyone"; }
    @Override public String rationale() {
        return "A statement for Principal * (or NotPrincipal) that no condition pins to known accounts, the "
                + "organisation, a VPC or trusted networks lets anyone invoke or change the function.";
    }
    @Override public String remediation() {
        return "Remove the permission (lambda remove-permission), or pin it with aws:SourceArn / "
                + "aws:SourceAccount / aws:PrincipalOrgID.";
    }
    @Override public List<String> controls() { return List.of(); }

    @Override
    public List<Evidence> evaluate(LambdaFunctionConfig config, AuditContext context) {
        return ResourcePolicyEvidence.publicGrants(config.policy(), context);
    }
}
