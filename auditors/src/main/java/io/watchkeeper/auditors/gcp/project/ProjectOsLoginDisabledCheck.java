package io.watchkeeper.auditors.gcp.project;

import com.google.auto.service.AutoService;
import io.watchkeeper.auditors.gcp.GcpCheck;
import io.watchkeeper.auditors.gcp.Members;
import io.watchkeeper.core.config.gcp.GcpProjectConfig;
import io.watchkeeper.core.finding.AuditContext;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import io.watchkeeper.core.finding.Severity;
import io.watchkeeper.core.json.Json;
import java.util.ArrayList;
import java.util.List;

/** CIS 4.4: the project metadata enable-oslogin is not TRUE (projects without Compute Engine metadata are not reported). */
@AutoService(Check.class)
public final class ProjectOsLoginDisabledCheck extends GcpCheck<GcpProjectConfig> {

    public ProjectOsLoginDisabledCheck() {
        super("gcp.project/os-login-disabled", GcpProjectConfig.class, Severity.MEDIUM, "OS Login is not enabled for the project",
                "Without OS Login, SSH access is by metadata keys that IAM does not govern: no per-user revocation, no 2-step verification, no audit of who logged in.",
                "Set the project metadata enable-oslogin=TRUE (gcloud compute project-info add-metadata --metadata enable-oslogin=TRUE).", "4.4");
    }

    @Override
    public List<Evidence> evaluate(GcpProjectConfig project, AuditContext context) {
        if (Members.isTrue(project.osLogin()) || project.defaultServiceAccount() == null && project.metadataKeys() == null) {
            return List.of(); // on, or Compute Engine not in use (no metadata read)
        }
        return List.of(Members.evidence("enable-oslogin", "enable-oslogin is " + (project.osLogin() == null ? "unset" : project.osLogin()),
                Exposure.INTERNAL, Json.object().put("osLogin", project.osLogin())));
    }
}
