package io.watchkeeper.auditors.aws.iam;

import io.watchkeeper.auditors.aws.iam.IdentityStatements.Analysis;
import io.watchkeeper.auditors.policy.Statement;
import io.watchkeeper.core.config.aws.IamGroupConfig;
import io.watchkeeper.core.config.aws.IamInlinePolicy;
import io.watchkeeper.core.config.aws.IamPolicyConfig;
import io.watchkeeper.core.finding.AuditContext;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.model.ResourceType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.databind.node.ObjectNode;

/**
 * Full administrator access held by a role, user or group: the AWS-managed AdministratorAccess
 * policy, or a customer-managed or inline policy with a full-admin statement (customer policies are
 * looked up among the account's {@code aws.iam.policy} items by ARN).
 */
final class AdminAccess {

    static final ResourceType POLICY = ResourceType.of("aws.iam.policy");
    static final ResourceType GROUP = ResourceType.of("aws.iam.group");
    private static final Pattern AWS_ADMIN = Pattern.compile("arn:aws[a-z-]*:iam::aws:policy/AdministratorAccess");

    private AdminAccess() {}

    /** One piece of evidence per attached policy that gives full admin, keyed {@code attached:<arn>}. */
    static List<Evidence> attached(List<String> policyArns, AuditContext context) {
        List<Evidence> out = new ArrayList<>();
        List<AuditContext.Related<IamPolicyConfig>> customer = null;
        for (String arn : IdentityStatements.nonNull(policyArns)) {
            ObjectNode details = Json.object().put("policyArn", arn);
            if (AWS_ADMIN.matcher(arn).matches()) {
                out.add(new Evidence(IdentityStatements.key("attached:" + arn),
                        "AWS-managed AdministratorAccess is attached", Exposure.INTERNAL, details));
                continue;
            }
            if (customer == null) {
                customer = context.related(POLICY, IamPolicyConfig.class);
            }
            Optional<IamPolicyConfig> policy = customer.stream().map(AuditContext.Related::config)
                    .filter(p -> arn.equals(p.arn())).findFirst();
            List<Statement> admin = policy.map(p -> IdentityStatements.matching(p.document(), Analysis.FULL_ADMIN, context))
                    .orElse(List.of());
            if (!admin.isEmpty()) {
                admin.stream().map(Statement::raw).forEach(details.putArray("statements")::add);
                out.add(new Evidence(IdentityStatements.key("attached:" + arn), IdentityStatements.oneLine(
                        "Attached policy " + policy.get().policyName() + " allows every action on every resource"),
                        Exposure.INTERNAL, details));
            }
        }
        return IdentityStatements.distinct(out);
    }

    /** One piece of evidence per inline policy with a full-admin statement, keyed {@code inline:<name>}. */
    static List<Evidence> inline(List<IamInlinePolicy> policies, AuditContext context) {
        List<Evidence> out = new ArrayList<>();
        for (IamInlinePolicy policy : IdentityStatements.nonNull(policies)) {
            List<Statement> admin = IdentityStatements.matching(policy.document(), Analysis.FULL_ADMIN, context);
            if (!admin.isEmpty()) {
                ObjectNode details = Json.object().put("policyName", policy.name());
                admin.stream().map(Statement::raw).forEach(details.putArray("statements")::add);
                out.add(new Evidence(IdentityStatements.key("inline:" + policy.name()), IdentityStatements.oneLine(
                        "Inline policy " + policy.name() + " allows every action on every resource"),
                        Exposure.INTERNAL, details));
            }
        }
        return IdentityStatements.distinct(out);
    }

    /** The full-admin evidence of a group: its inline and attached policies. */
    static List<Evidence> group(IamGroupConfig group, AuditContext context) {
        List<Evidence> out = new ArrayList<>(inline(group.inlinePolicies(), context));
        out.addAll(attached(group.attachedPolicyArns(), context));
        return out;
    }
}
