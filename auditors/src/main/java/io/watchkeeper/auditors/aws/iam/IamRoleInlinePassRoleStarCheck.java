package io.watchkeeper.auditors.aws.iam;

import com.google.auto.service.AutoService;
import io.watchkeeper.auditors.aws.iam.IdentityStatements.Analysis;
import io.watchkeeper.core.config.aws.IamRoleConfig;
import io.watchkeeper.core.finding.AuditContext;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.CheckId;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Severity;
import java.util.List;

/**
 * An inline policy of the role grants {@code iam:PassRole} on every role (full-admin statements are
 * reported by inline-full-admin).
 */
@AutoService(Check.class)
public final class IamRoleInlinePassRoleStarCheck implements Check<IamRoleConfig> {

    @Override public CheckId id() { return CheckId.of("aws.iam.role/inline-passrole-star"); }
    @Override public Class<IamRoleConfig> configType() { return IamRoleConfig.class; }
    @Override public Severity severity() { return Severity.HIGH; }
    @Override public String title() { return "Role inline policy allows iam:PassRole on every role"; }
    @Override public String rationale() {
        return "Passing any role to a service (EC2, Lambda, CloudFormation) lets the role act with that role's "
                + "permissions, including administrator roles: a privilege escalation path.";
    }
    @Override public String remediation() {
        return "Restrict iam:PassRole to the ARNs of the roles that must be passed, ideally with an "
                + "iam:PassedToService condition.";
    }
    @Override public List<String> controls() { return List.of(); }

    @Override
    public List<Evidence> evaluate(IamRoleConfig role, AuditContext context) {
        return IdentityStatements.inline(role.inlinePolicies(), Analysis.PASS_ROLE_STAR, context);
    }
}
