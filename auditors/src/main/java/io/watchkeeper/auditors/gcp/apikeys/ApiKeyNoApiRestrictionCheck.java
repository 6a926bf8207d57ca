package io.watchkeeper.auditors.gcp.apikeys;

import com.google.auto.service.AutoService;
import io.watchkeeper.auditors.gcp.GcpCheck;
import io.watchkeeper.auditors.gcp.Members;
import io.watchkeeper.core.config.gcp.GcpApiKeyConfig;
import io.watchkeeper.core.finding.AuditContext;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import io.watchkeeper.core.finding.Severity;
import io.watchkeeper.core.json.Json;
import java.util.ArrayList;
import java.util.List;

/** CIS 1.14: no API targets, or a target of cloudapis.googleapis.com (every Google Cloud API). */
@AutoService(Check.class)
public final class ApiKeyNoApiRestrictionCheck extends GcpCheck<GcpApiKeyConfig> {

    public ApiKeyNoApiRestrictionCheck() {
        super("gcp.apikeys.key/no-api-restriction", GcpApiKeyConfig.class, Severity.MEDIUM, "API key may call every enabled API",
                "A key without API targets can call any API enabled in the project, far beyond what its application needs.",
                "Restrict the key to the APIs its application calls (gcloud services api-keys update --api-target=service=…).", "1.14");
    }

    @Override
    public List<Evidence> evaluate(GcpApiKeyConfig key, AuditContext context) {
        var r = key.restrictions();
        if (r != null && !Members.list(r.apiTargets()).isEmpty()
                && Members.list(r.apiTargets()).stream().noneMatch(t -> "cloudapis.googleapis.com".equals(t.service()))) {
            return List.of();
        }
        return List.of(Members.evidence("api-restriction", "No API restriction (or cloudapis.googleapis.com, every API)",
                Exposure.INTERNAL, Json.object()));
    }
}
