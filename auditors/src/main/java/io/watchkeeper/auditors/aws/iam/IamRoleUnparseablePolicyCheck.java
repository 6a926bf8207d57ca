package io.watchkeeper.auditors.aws.iam;

import com.google.auto.service.AutoService;
import io.watchkeeper.core.config.aws.IamInlinePolicy;
import io.watchkeeper.core.config.aws.IamRoleConfig;
import io.watchkeeper.core.finding.AuditContext;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.CheckId;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import io.watchkeeper.core.finding.Severity;
import java.util.ArrayList;
import java.util.List;

/** The role's trust policy or one of its inline policies cannot be read; the other role checks skip it. */
@AutoService(Check.class)
public final class IamRoleUnparseablePolicyCheck implements Check<IamRoleConfig> {

    @Override public CheckId id() { return CheckId.of("aws.iam.role/unparseable-policy"); }
    @Override public Class<IamRoleConfig> configType() { return IamRoleConfig.class; }
    @Override public Severity severity() { return Severity.MEDIUM; }
    @Override public String title() { return "Role trust or inline policy cannot be analysed"; }
    @Override public String rationale() {
        return "A policy Watchkeeper cannot read is not checked for public or unknown trust, administrator access or"
                + " PassRole grants: whatever it allows goes unnoticed.";
    }
    @Override public String remediation() {
        return "Review the policy by hand and rewrite it in the standard form (a Statement list of objects with"
                + " documented condition operators), then let the next audit analyse it.";
    }
    @Override public List<String> controls() { return List.of(); }

    @Override
    public List<Evidence> evaluate(IamRoleConfig role, AuditContext context) {
        List<Evidence> out = new ArrayList<>();
        String trust = IdentityStatements.problem(role.trustPolicy());
        if (trust != null) {
            out.add(new Evidence("trust:unparseable", IdentityStatements.oneLine("Trust policy cannot be analysed: "
                    + trust), Exposure.INTERNAL, IdentityStatements.problemDetails(role.trustPolicy(), trust)));
        }
        for (IamInlinePolicy policy : IdentityStatements.nonNull(role.inlinePolicies())) {
            String problem = IdentityStatements.problem(policy.document());
            if (problem != null) {
                out.add(new Evidence(IdentityStatements.key("policy:" + policy.name() + ":unparseable"),
                        IdentityStatements.oneLine("Inline policy " + policy.name() + " cannot be analysed: " + problem),
                        Exposure.INTERNAL, IdentityStatements.problemDetails(policy.document(), problem)));
            }
        }
        return IdentityStatements.distinct(out);
    }
}
