package io.watchkeeper.auditors.aws.iam;

import com.google.auto.service.AutoService;
import io.watchkeeper.core.config.aws.IamRoleConfig;
import io.watchkeeper.core.finding.AuditContext;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.CheckId;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Severity;
import io.watchkeeper.core.model.ResourceType;
import java.util.List;
import java.util.Set;

/** AdministratorAccess, or a customer-managed policy with a full-admin statement, is attached to the role. */
@AutoService(Check.class)
public final class IamRoleAdminPolicyAttachedCheck implements Check<IamRoleConfig> {

    @Override public CheckId id() { return CheckId.of("aws.iam.role/admin-policy-attached"); }
    @Override public Class<IamRoleConfig> configType() { return IamRoleConfig.class; }
    @Override public Severity severity() { return Severity.HIGH; }
    @Override public String title() { return "Role has an administrator policy attached"; }
    @Override public String rationale() {
        return "A role with full administrator access controls the account: every principal that can assume it, and"
                + " every workload running with it, can do anything.";
    }
    @Override public String remediation() {
        return "Attach policies scoped to the role's job instead; keep administrator roles few, with a trust policy"
                + " limited to named principals and MFA.";
    }
    @Override public List<String> controls() { return List.of("CIS-AWS-3.0:1.16"); }
    @Override public Set<ResourceType> dependsOn() { return Set.of(AdminAccess.POLICY); }

    @Override
    public List<Evidence> evaluate(IamRoleConfig role, AuditContext context) {
        return AdminAccess.attached(role.attachedPolicyArns(), context);
    }
}
