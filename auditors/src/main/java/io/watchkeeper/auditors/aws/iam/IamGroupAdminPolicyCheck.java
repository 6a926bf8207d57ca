package io.watchkeeper.auditors.aws.iam;

import com.google.auto.service.AutoService;
import io.watchkeeper.core.config.aws.IamGroupConfig;
import io.watchkeeper.core.finding.AuditContext;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.CheckId;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Severity;
import io.watchkeeper.core.model.ResourceType;
import java.util.List;
import java.util.Set;

/**
 * The group gives its members full administrator access: AdministratorAccess attached, or an
 * inline or attached customer-managed policy with a full-admin statement.
 */
@AutoService(Check.class)
public final class IamGroupAdminPolicyCheck implements Check<IamGroupConfig> {

    @Override public CheckId id() { return CheckId.of("aws.iam.group/admin-policy"); }
    @Override public Class<IamGroupConfig> configType() { return IamGroupConfig.class; }
    @Override public Severity severity() { return Severity.HIGH; }
    @Override public String title() { return "IAM group grants full administrator access"; }
    @Override public String rationale() {
        return "Every member of the group, and every user added later, gets root-like control of the account through"
                + " long-lived user credentials.";
    }
    @Override public String remediation() {
        return "Give the group only the permissions of its members' job; reserve administrator access to a role"
                + " assumed with MFA.";
    }
    @Override public List<String> controls() { return List.of("CIS-AWS-3.0:1.16"); }
    @Override public Set<ResourceType> dependsOn() { return Set.of(AdminAccess.POLICY); }

    @Override
    public List<Evidence> evaluate(IamGroupConfig group, AuditContext context) {
        return AdminAccess.group(group, context);
    }
}
