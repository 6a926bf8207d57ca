package io.watchkeeper.auditors.gcp.compute;

import com.google.auto.service.AutoService;
import io.watchkeeper.auditors.gcp.GcpCheck;
import io.watchkeeper.auditors.gcp.Members;
import io.watchkeeper.core.config.gcp.GcpInstanceConfig;
import io.watchkeeper.core.config.gcp.GcpProjectConfig;
import io.watchkeeper.core.finding.AuditContext;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import io.watchkeeper.core.finding.Severity;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.model.ResourceType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** CIS 4.1: the VM (not a GKE node) runs as the Compute Engine default service account. */
@AutoService(Check.class)
public final class InstanceDefaultServiceAccountCheck extends GcpCheck<GcpInstanceConfig> {

    public InstanceDefaultServiceAccountCheck() {
        super("gcp.compute.instance/default-service-account", GcpInstanceConfig.class, Severity.MEDIUM, "VM runs as the Compute Engine default service account",
                "The default service account holds Editor on the project unless someone removed it, so any process on the VM can change nearly everything in the project.",
                "Create a service account with only the roles the workload needs and attach it (gcloud compute instances set-service-account).", "4.1");
    }

    @Override
    public List<Evidence> evaluate(GcpInstanceConfig instance, AuditContext context) {
        if (Instances.gkeNode(instance)) {
            return List.of();
        }
        List<Evidence> out = new ArrayList<>();
        for (var sa : Instances.serviceAccounts(instance)) {
            if (sa.email() != null && sa.email().endsWith("-compute@developer.gserviceaccount.com")
                    && Members.isDefaultServiceAccount(sa.email())) {
                out.add(Members.evidence("service-account:" + sa.email(), "Runs as " + sa.email(), Exposure.INTERNAL,
                        Json.object().put("serviceAccount", sa.email())));
            }
        }
        return out;
    }
}
