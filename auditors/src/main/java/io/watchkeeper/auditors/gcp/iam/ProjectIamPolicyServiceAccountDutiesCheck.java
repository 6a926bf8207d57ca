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

/** CIS 1.8: one non-service-account member holds roles/iam.serviceAccountAdmin and roles/iam.serviceAccountUser. */
@AutoService(Check.class)
public final class ProjectIamPolicyServiceAccountDutiesCheck extends GcpCheck<GcpProjectIamPolicyConfig> {

    public ProjectIamPolicyServiceAccountDutiesCheck() {
        super("gcp.project.iam-policy/service-account-separation-of-duties", GcpProjectIamPolicyConfig.class, Severity.MEDIUM, "One member both administers and uses service accounts",
                "Holding Service Account Admin and Service Account User together lets one person create a service account, grant it roles and act as it.",
                "Give the two roles to different people or groups.", "1.8");
    }

    @Override
    public List<Evidence> evaluate(GcpProjectIamPolicyConfig config, AuditContext context) {
        return Duties.both(config.policy(), java.util.Set.of("roles/iam.serviceAccountAdmin"),
                java.util.Set.of("roles/iam.serviceAccountUser"), "Service Account Admin", "Service Account User");
    }
}
