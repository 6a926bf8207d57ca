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

/** An inline policy of the role has an Allow statement with NotAction. */
@AutoService(Check.class)
public final class IamRoleInlineNotActionCheck implements Check<IamRoleConfig> {

    @Override public CheckId id() { return CheckId.of("aws.iam.role/inline-not-action"); }
    @Override public Class<IamRoleConfig> configType() { return IamRoleConfig.class; }
    @Override public Severity severity() { return Severity.HIGH; }
    @Override public String title() { return "Role inline policy allows with NotAction"; }
    @Override public String rationale() {
        return "Allow with NotAction grants every action except the listed ones, including actions and services "
                + "added later; it is rarely the least privilege intended.";
    }
    @Override public String remediation() {
        return "Rewrite the statement as an Allow with an explicit Action list; use NotAction only in Deny statements.";
    }
    @Override public List<String> controls() { return List.of(); }

    @Override
    public List<Evidence> evaluate(IamRoleConfig role, AuditContext context) {
        return IdentityStatements.inline(role.inlinePolicies(), Analysis.NOT_ACTION, context);
    }
}
