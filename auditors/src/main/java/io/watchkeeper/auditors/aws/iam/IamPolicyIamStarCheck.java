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
 * An Allow statement covering every IAM action ({@code iam:*}, {@code *} on IAM resources, or a
 * NotAction that excludes no IAM action); full-admin statements are reported only by full-admin.
 */
@AutoService(Check.class)
public final class IamPolicyIamStarCheck implements Check<IamPolicyConfig> {

    @Override public CheckId id() { return CheckId.of("aws.iam.policy/iam-star"); }
    @Override public Class<IamPolicyConfig> configType() { return IamPolicyConfig.class; }
    @Override public Severity severity() { return Severity.HIGH; }
    @Override public String title() { return "Customer-managed policy allows every IAM action"; }
    @Override public String rationale() {
        return "Every IAM action includes creating users and keys, attaching policies and editing trust policies: "
                + "whoever holds it can make themselves administrator.";
    }
    @Override public String remediation() {
        return "Grant only the IAM actions needed (for example iam:GetRole, iam:ListRoles) on the specific users or "
                + "roles, or remove IAM access.";
    }
    @Override public List<String> controls() { return List.of(); }

    @Override
    public List<Evidence> evaluate(IamPolicyConfig policy, AuditContext context) {
        return IdentityStatements.managed(policy.document(), Analysis.IAM_STAR, context);
    }
}
