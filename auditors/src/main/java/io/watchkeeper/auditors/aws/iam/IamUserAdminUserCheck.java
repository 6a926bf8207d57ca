package io.watchkeeper.auditors.aws.iam;

import com.google.auto.service.AutoService;
import io.watchkeeper.core.config.aws.IamGroupConfig;
import io.watchkeeper.core.config.aws.IamUserConfig;
import io.watchkeeper.core.finding.AuditContext;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.CheckId;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import io.watchkeeper.core.finding.Severity;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.model.ResourceType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.node.ObjectNode;

/** The user has full administrator access: its own policies, or a group's (groups are looked up by name). */
@AutoService(Check.class)
public final class IamUserAdminUserCheck implements Check<IamUserConfig> {

    @Override public CheckId id() { return CheckId.of("aws.iam.user/admin-user"); }
    @Override public Class<IamUserConfig> configType() { return IamUserConfig.class; }
    @Override public Severity severity() { return Severity.HIGH; }
    @Override public String title() { return "IAM user has full administrator access"; }
    @Override public String rationale() {
        return "A user with full administrator access has long-lived credentials (password, access keys) that are"
                + " as powerful as root: one leak and the account is lost.";
    }
    @Override public String remediation() {
        return "Give the user only the permissions of their job; reserve administrator access to a role assumed"
                + " with MFA for the occasions that need it.";
    }
    @Override public List<String> controls() { return List.of("CIS-AWS-3.0:1.16"); }
    @Override public Set<ResourceType> dependsOn() { return Set.of(AdminAccess.GROUP, AdminAccess.POLICY); }

    @Override
    public List<Evidence> evaluate(IamUserConfig user, AuditContext context) {
        List<Evidence> out = new ArrayList<>(AdminAccess.inline(user.inlinePolicies(), context));
        out.addAll(AdminAccess.attached(user.attachedPolicyArns(), context));
        List<String> names = IdentityStatements.nonNull(user.groups());
        List<IamGroupConfig> groups = names.isEmpty() ? List.of()
                : context.related(AdminAccess.GROUP, IamGroupConfig.class).stream()
                        .map(AuditContext.Related::config).filter(g -> names.contains(g.groupName())).toList();
        for (IamGroupConfig group : groups) {
            List<Evidence> admin = AdminAccess.group(group, context);
            if (!admin.isEmpty()) {
                ObjectNode details = Json.object().put("group", group.groupName());
                ObjectNode grants = details.putObject("grants");
                admin.forEach(e -> grants.set(e.key(), e.details()));
                out.add(new Evidence(IdentityStatements.key("group:" + group.groupName()), IdentityStatements.oneLine(
                        "Member of group " + group.groupName() + ", which has full administrator access ("
                                + String.join(", ", admin.stream().map(Evidence::key).toList()) + ")"),
                        Exposure.INTERNAL, details));
            }
        }
        return IdentityStatements.distinct(out);
    }
}
