package io.watchkeeper.auditors.gcp.accessapproval;

import com.google.auto.service.AutoService;
import io.watchkeeper.auditors.gcp.GcpCheck;
import io.watchkeeper.auditors.gcp.Members;
import io.watchkeeper.core.config.gcp.GcpAccessApprovalConfig;
import io.watchkeeper.core.finding.AuditContext;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import io.watchkeeper.core.finding.Severity;
import io.watchkeeper.core.json.Json;
import java.util.List;

/** CIS 2.15 (level 2): Access Approval enrols no service, neither at the project nor at a folder or the organisation. */
@AutoService(Check.class)
public final class AccessApprovalNotEnabledCheck extends GcpCheck<GcpAccessApprovalConfig> {

    public AccessApprovalNotEnabledCheck() {
        super("gcp.project.access-approval/not-enabled", GcpAccessApprovalConfig.class, Severity.LOW,
                "Access Approval is not enabled for the project",
                "Without Access Approval, Google personnel may access the project's content under Access Transparency "
                        + "without the organisation's explicit approval of each request.",
                "Enable Access Approval for the project, a folder or the organisation (gcloud access-approval settings update "
                        + "--project=PROJECT --enrolled_services=all --notification_emails=…); Access Transparency must be on.",
                "2.15");
    }

    @Override
    public List<Evidence> evaluate(GcpAccessApprovalConfig settings, AuditContext context) {
        if (!Members.list(settings.enrolledServices()).isEmpty() || settings.enrolledAncestor()) {
            return List.of();
        }
        return List.of(Members.evidence("not-enrolled", "No service is enrolled in Access Approval here or above the project",
                Exposure.INTERNAL, Json.object()));
    }
}
