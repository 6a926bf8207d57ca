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

/** An Allow statement with NotAction. */
@AutoService(Check.class)
public final class IamPolicyNotActionAllowCheck implements Check<IamPolicyConfig> {

    @Override public CheckId id() { return CheckId.of("aws.iam.policy/not-action-allow"); }
    @Override public Class<IamPolicyConfig> configType() { return IamPolicyConfig.class; }
    @Override public Severity severity() { return Severity.HIGH; }
    @Override public String title() { return "Customer-managed policy allows with NotAction"; }
    @Override public String rationale() {
        return "Allow with NotAction grants every action except the listed ones, including actions and services "
                + "added later; it is rarely the least privilege intended.";
    }
    @Override public String remediation() {
        return "Rewrite the statement as an Allow with an explicit Action list; use NotAction only in Deny statements.";
    }
    @Override public List<String> controls() { return List.of(); }

    @Override
    public List<Evidence> evaluate(IamPolicyConfig policy, AuditContext context) {
        return IdentityStatements.managed(policy.document(), Analysis.NOT_ACTION, context);
    }
}
