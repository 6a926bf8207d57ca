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

/** CIS 1.6: roles/iam.serviceAccountUser or roles/iam.serviceAccountTokenCreator bound to people at project level. */
@AutoService(Check.class)
public final class ProjectIamPolicyServiceAccountUserAtProjectCheck extends GcpCheck<GcpProjectIamPolicyConfig> {

    public ProjectIamPolicyServiceAccountUserAtProjectCheck() {
        super("gcp.project.iam-policy/service-account-user-at-project", GcpProjectIamPolicyConfig.class, Severity.HIGH, "Service Account User or Token Creator is granted at project level",
                "At project level the role lets its holder act as every service account of the project, including future ones and the most privileged.",
                "Remove the project-level binding and grant the role on the individual service accounts that person needs.", "1.6");
    }

    @Override
    public List<Evidence> evaluate(GcpProjectIamPolicyConfig config, AuditContext context) {
        List<Evidence> out = new ArrayList<>();
        for (Members.Grant g : Members.grants(config.policy())) {
            if (("roles/iam.serviceAccountUser".equals(g.role()) || "roles/iam.serviceAccountTokenCreator".equals(g.role()))
                    && (Members.isPerson(g.member()) || g.member().startsWith("domain:"))) {
                out.add(Members.evidence("member:" + g.role() + ":" + g.member(), g.member() + " holds " + g.role()
                        + " on the whole project", Exposure.INTERNAL, Json.object().put("role", g.role()).put("member", g.member())));
            }
        }
        return out;
    }
}
