package io.watchkeeper.auditors.aws.iam;

import com.google.auto.service.AutoService;
import io.watchkeeper.core.config.aws.IamUserConfig;
import io.watchkeeper.core.finding.AuditContext;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.CheckId;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import io.watchkeeper.core.finding.Severity;
import io.watchkeeper.core.json.Json;
import java.util.ArrayList;
import java.util.List;

/** Policies attached or embedded directly on the user rather than granted through groups. */
@AutoService(Check.class)
public final class IamUserDirectPoliciesCheck implements Check<IamUserConfig> {

    @Override public CheckId id() { return CheckId.of("aws.iam.user/direct-policies"); }
    @Override public Class<IamUserConfig> configType() { return IamUserConfig.class; }
    @Override public Severity severity() { return Severity.LOW; }
    @Override public String title() { return "IAM user has policies of its own instead of through groups"; }
    @Override public String rationale() {
        return "Permissions given user by user drift apart and are hard to review and to revoke when people change "
                + "jobs.";
    }
    @Override public String remediation() {
        return "Move the permissions to a group (or a role) that matches the job, add the user to it, and detach the"
                + " user's own policies.";
    }
    @Override public List<String> controls() { return List.of("CIS-AWS-3.0:1.15"); }

    @Override
    public List<Evidence> evaluate(IamUserConfig user, AuditContext context) {
        List<Evidence> out = new ArrayList<>();
        IdentityStatements.nonNull(user.inlinePolicies()).forEach(p -> out.add(new Evidence(
                IdentityStatements.key("inline:" + p.name()), IdentityStatements.oneLine("Inline policy " + p.name()),
                Exposure.INTERNAL, Json.object().put("policyName", p.name()))));
        IdentityStatements.nonNull(user.attachedPolicyArns()).forEach(arn -> out.add(new Evidence(
                IdentityStatements.key("attached:" + arn), IdentityStatements.oneLine("Attached policy " + arn),
                Exposure.INTERNAL, Json.object().put("policyArn", arn))));
        return IdentityStatements.distinct(out);
    }
}
