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
 * The trust policy lets an account Watchkeeper does not know assume the role. The same account,
 * registered (friendly) accounts, declared third parties and AWS services are not reported.
 */
@AutoService(Check.class)
public final class IamRoleTrustUnknownAccountCheck implements Check<IamRoleConfig> {

    @Override public CheckId id() { return CheckId.of("aws.iam.role/trust-unknown-account"); }
    @Override public Class<IamRoleConfig> configType() { return IamRoleConfig.class; }
    @Override public Severity severity() { return Severity.HIGH; }
    @Override public String title() { return "Role trust policy lets an unknown account assume the role"; }
    @Override public String rationale() {
        return "An account that is neither registered nor declared as a third party can assume the role: a forgotten"
                + " vendor, a typo in an account id, or an attacker's persistence.";
    }
    @Override public String remediation() {
        return "Remove the account from the trust policy, or register it in Watchkeeper (as a third party when it is"
                + " not yours) and require an sts:ExternalId condition for vendors.";
    }
    @Override public List<String> controls() { return List.of(); }

    @Override
    public List<Evidence> evaluate(IamRoleConfig role, AuditContext context) {
        return TrustGrants.to(EntityClass.UNKNOWN, role, context);
    }
}
