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

/** An Allow statement with Action {@code *} (or {@code *:*}) on every resource. */
@AutoService(Check.class)
public final class IamPolicyFullAdminCheck implements Check<IamPolicyConfig> {

    @Override public CheckId id() { return CheckId.of("aws.iam.policy/full-admin"); }
    @Override public Class<IamPolicyConfig> configType() { return IamPolicyConfig.class; }
    @Override public Severity severity() { return Severity.CRITICAL; }
    @Override public String title() { return "Customer-managed policy allows every action on every resource"; }
    @Override public String rationale() {
        return "A statement allowing Action * on Resource * gives whoever holds the policy full administrator "
                + "access, root-like control of the account.";
    }
    @Override public String remediation() {
        return "Replace the statement with the actions and resources the holders need (least privilege); keep "
                + "administrator access to a few break-glass roles using the AWS-managed AdministratorAccess policy.";
    }
    @Override public List<String> controls() { return List.of("CIS-AWS-3.0:1.16"); }

    @Override
    public List<Evidence> evaluate(IamPolicyConfig policy, AuditContext context) {
        return IdentityStatements.managed(policy.document(), Analysis.FULL_ADMIN, context);
    }
}
