package io.watchkeeper.auditors.aws.iam;

import com.google.auto.service.AutoService;
import io.watchkeeper.core.config.aws.IamPolicyConfig;
import io.watchkeeper.core.finding.AuditContext;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.CheckId;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import io.watchkeeper.core.finding.Severity;
import java.util.List;

/** The policy document is not valid JSON or not a readable policy; the other policy checks skip it. */
@AutoService(Check.class)
public final class IamPolicyUnparseableCheck implements Check<IamPolicyConfig> {

    @Override public CheckId id() { return CheckId.of("aws.iam.policy/unparseable"); }
    @Override public Class<IamPolicyConfig> configType() { return IamPolicyConfig.class; }
    @Override public Severity severity() { return Severity.MEDIUM; }
    @Override public String title() { return "Customer-managed policy document cannot be analysed"; }
    @Override public String rationale() {
        return "A document Watchkeeper cannot read is not checked for administrator access, iam:*, PassRole or"
                + " NotAction grants: whatever it allows goes unnoticed.";
    }
    @Override public String remediation() {
        return "Review the policy by hand and rewrite it in the standard form (a Statement list of objects with"
                + " documented condition operators), then let the next audit analyse it.";
    }
    @Override public List<String> controls() { return List.of(); }

    @Override
    public List<Evidence> evaluate(IamPolicyConfig policy, AuditContext context) {
        String problem = IdentityStatements.problem(policy.document());
        return problem == null ? List.of() : List.of(new Evidence("unparseable",
                IdentityStatements.oneLine("Policy document cannot be analysed: " + problem), Exposure.INTERNAL,
                IdentityStatements.problemDetails(policy.document(), problem)));
    }
}
