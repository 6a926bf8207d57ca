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

/** An inline policy of the role has an Allow statement with Action {@code *} on every resource. */
@AutoService(Check.class)
public final class IamRoleInlineFullAdminCheck implements Check<IamRoleConfig> {

    @Override public CheckId id() { return CheckId.of("aws.iam.role/inline-full-admin"); }
    @Override public Class<IamRoleConfig> configType() { return IamRoleConfig.class; }
    @Override public Severity severity() { return Severity.CRITICAL; }
    @Override public String title() { return "Role inline policy allows every action on every resource"; }
    @Override public String rationale() {
        return "A statement allowing Action * on Resource * makes the role a full administrator: whoever can assume "
                + "it, or any workload running with it, controls the account.";
    }
    @Override public String remediation() {
        return "Replace the statement with the actions and resources the role needs; if the role really must be an "
                + "administrator, attach the AWS-managed AdministratorAccess policy so it is visible and reviewed.";
    }
    @Override public List<String> controls() { return List.of("CIS-AWS-3.0:1.16"); }

    @Override
    public List<Evidence> evaluate(IamRoleConfig role, AuditContext context) {
        return IdentityStatements.inline(role.inlinePolicies(), Analysis.FULL_ADMIN, context);
    }
}
