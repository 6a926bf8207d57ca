package io.watchkeeper.auditors.aws.iam;

import com.google.auto.service.AutoService;
import io.watchkeeper.auditors.aws.iam.IdentityStatements.Analysis;
import io.watchkeeper.core.config.aws.IamPolicyConfig;
import io.watchkeeper.core.finding.AuditContext;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.CheckId;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Severity;
import java.util.List;

/**
 * An Allow statement that grants {@code iam:PassRole} (directly or through wildcards) on every role;
 * full-admin statements are reported only by full-admin.
 */
@AutoService(Check.class)
public final class IamPolicyPassRoleStarCheck implements Check<IamPolicyConfig> {

    @Override public CheckId id() { return CheckId.of("aws.iam.policy/passrole-star"); }
    @Override public Class<IamPolicyConfig> configType() { return IamPolicyConfig.class; }
    @Override public Severity severity() { return Severity.HIGH; }
    @Override public String title() { return "Customer-managed policy allows iam:PassRole on every role"; }
    @Override public String rationale() {
        return "Passing any role to a service (EC2, Lambda, CloudFormation) lets the holder act with that role's "
                + "permissions, including administrator roles: a privilege escalation path.";
    }
    @Override public String remediation() {
        return "Restrict iam:PassRole to the ARNs of the roles the holder must pass, ideally with an "
                + "iam:PassedToService condition.";
    }
    @Override public List<String> controls() { return List.of(); }

    @Override
    public List<Evidence> evaluate(IamPolicyConfig policy, AuditContext context) {
        return IdentityStatements.managed(policy.document(), Analysis.PASS_ROLE_STAR, context);
    }
}
