package io.watchkeeper.auditors.gcp.iam;

import com.google.auto.service.AutoService;
import io.watchkeeper.auditors.gcp.GcpCheck;
import io.watchkeeper.auditors.gcp.Members;
import io.watchkeeper.core.config.gcp.GcpProjectIamPolicyConfig;
import io.watchkeeper.core.finding.AuditContext;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import io.watchkeeper.core.finding.Severity;
import io.watchkeeper.core.json.Json;
import java.util.ArrayList;
import java.util.List;

/** roles/owner or roles/editor bound to people (users, groups, domains) on the project. */
@AutoService(Check.class)
public final class ProjectIamPolicyPrimitiveRoleToPersonCheck extends GcpCheck<GcpProjectIamPolicyConfig> {

    public ProjectIamPolicyPrimitiveRoleToPersonCheck() {
        super("gcp.project.iam-policy/primitive-role-to-person", GcpProjectIamPolicyConfig.class, Severity.MEDIUM, "Owner or Editor is granted to a user, group or domain",
                "The basic roles grant thousands of permissions across every service; people who hold them can change or read nearly anything in the project.",
                "Grant predefined or custom roles scoped to what each person does; keep Owner for a break-glass group.");
    }

    @Override
    public List<Evidence> evaluate(GcpProjectIamPolicyConfig config, AuditContext context) {
        List<Evidence> out = new ArrayList<>();
        for (Members.Grant g : Members.grants(config.policy())) {
            if (Members.isPrimitiveWrite(g.role()) && (Members.isPerson(g.member()) || g.member().startsWith("domain:"))) {
                out.add(Members.evidence("member:" + g.role() + ":" + g.member(), g.member() + " holds " + g.role(),
                        Exposure.INTERNAL, Json.object().put("role", g.role()).put("member", g.member())));
            }
        }
        return out;
    }
}
