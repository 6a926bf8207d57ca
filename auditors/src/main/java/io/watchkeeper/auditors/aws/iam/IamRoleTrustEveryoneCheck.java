package io.watchkeeper.auditors.aws.iam;

import com.google.auto.service.AutoService;
import io.watchkeeper.core.config.aws.IamRoleConfig;
import io.watchkeeper.core.finding.AuditContext;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.CheckId;
import io.watchkeeper.core.finding.EntityClass;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Severity;
import java.util.List;

/**
 * The trust policy lets anyone ({@code *} or an Allow with NotPrincipal) assume the role, with no
 * condition pinning the caller to known accounts, the organisation or trusted networks.
 */
@AutoService(Check.class)
public final class IamRoleTrustEveryoneCheck implements Check<IamRoleConfig> {

    @Override public CheckId id() { return CheckId.of("aws.iam.role/trust-everyone"); }
    @Override public Class<IamRoleConfig> configType() { return IamRoleConfig.class; }
    @Override public Severity severity() { return Severity.CRITICAL; }
    @Override public String title() { return "Role trust policy lets any AWS principal assume the role"; }
    @Override public String rationale() {
        return "A trust policy with Principal * and no restricting condition lets any AWS account in the world assume"
                + " the role and use its permissions.";
    }
    @Override public String remediation() {
        return "Name the trusted accounts or roles in Principal, or add a condition such as aws:PrincipalOrgID or"
                + " aws:PrincipalAccount that pins callers to your accounts.";
    }
    @Override public List<String> controls() { return List.of(); }

    @Override
    public List<Evidence> evaluate(IamRoleConfig role, AuditContext context) {
        return TrustGrants.to(EntityClass.INTERNET, role, context);
    }
}
