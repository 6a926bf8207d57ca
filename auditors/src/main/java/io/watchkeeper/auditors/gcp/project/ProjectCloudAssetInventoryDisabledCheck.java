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

/** CIS 2.13: cloudasset.googleapis.com is not among the project's enabled services. */
@AutoService(Check.class)
public final class ProjectCloudAssetInventoryDisabledCheck extends GcpCheck<GcpProjectConfig> {

    public ProjectCloudAssetInventoryDisabledCheck() {
        super("gcp.project/cloud-asset-inventory-disabled", GcpProjectConfig.class, Severity.LOW, "Cloud Asset Inventory API is not enabled",
                "Cloud Asset Inventory keeps the history of resources and IAM policies that investigations and tools rely on.",
                "Enable cloudasset.googleapis.com (gcloud services enable cloudasset.googleapis.com).", "2.13");
    }

    @Override
    public List<Evidence> evaluate(GcpProjectConfig project, AuditContext context) {
        if (project.enabledServices() == null || project.enabledServices().contains("cloudasset.googleapis.com")) {
            return List.of();
        }
        return List.of(Members.evidence("cloudasset", "cloudasset.googleapis.com is not enabled", Exposure.INTERNAL,
                Json.object().put("service", "cloudasset.googleapis.com")));
    }
}
