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

/** CIS 1.5: a user-created service account (name@project.iam.gserviceaccount.com, not a Google service agent) holds roles/owner, roles/editor or a role whose name contains admin. */
@AutoService(Check.class)
public final class ProjectIamPolicyServiceAccountAdminCheck extends GcpCheck<GcpProjectIamPolicyConfig> {

    public ProjectIamPolicyServiceAccountAdminCheck() {
        super("gcp.project.iam-policy/service-account-admin-role", GcpProjectIamPolicyConfig.class, Severity.HIGH, "A user-created service account holds an admin, Owner or Editor role",
                "Whoever runs as the service account (a VM, a pipeline, anyone holding one of its keys) holds the admin role, with no person in the loop.",
                "Replace the role with the predefined roles the workload needs (the IAM recommender lists the permissions it uses).", "1.5");
    }

    @Override
    public List<Evidence> evaluate(GcpProjectIamPolicyConfig config, AuditContext context) {
        List<Evidence> out = new ArrayList<>();
        for (Members.Grant g : Members.grants(config.policy())) {
            if (Members.isServiceAccount(g.member()) && Members.isUserCreatedServiceAccount(Members.address(g.member()))
                    && Members.isAdminRole(g.role())) {
                out.add(Members.evidence("member:" + g.role() + ":" + g.member(), g.member() + " holds " + g.role(),
                        Exposure.INTERNAL, Json.object().put("role", g.role()).put("member", g.member())));
            }
        }
        return out;
    }
}
