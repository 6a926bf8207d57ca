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

/** CIS 4.2: the default service account with the cloud-platform (all APIs) scope. */
@AutoService(Check.class)
public final class InstanceDefaultServiceAccountFullAccessCheck extends GcpCheck<GcpInstanceConfig> {

    public InstanceDefaultServiceAccountFullAccessCheck() {
        super("gcp.compute.instance/default-service-account-full-access", GcpInstanceConfig.class, Severity.HIGH, "VM runs as the default service account with access to all Cloud APIs",
                "With the cloud-platform scope, the default service account's Editor role is usable in full by anything that reaches the metadata server (an SSRF is enough).",
                "Attach a least-privilege service account, or at least narrow the scopes (gcloud compute instances set-service-account --scopes).", "4.2");
    }

    @Override
    public List<Evidence> evaluate(GcpInstanceConfig instance, AuditContext context) {
        if (Instances.gkeNode(instance)) {
            return List.of();
        }
        List<Evidence> out = new ArrayList<>();
        for (var sa : Instances.serviceAccounts(instance)) {
            if (sa.email() != null && sa.email().endsWith("-compute@developer.gserviceaccount.com")
                    && Members.isDefaultServiceAccount(sa.email()) && Members.list(sa.scopes()).contains(Instances.CLOUD_PLATFORM)) {
                out.add(Members.evidence("service-account:" + sa.email(), "Runs as " + sa.email() + " with the cloud-platform scope",
                        Exposure.INTERNAL, Json.object().put("serviceAccount", sa.email()).put("scope", Instances.CLOUD_PLATFORM)));
            }
        }
        return out;
    }
}
