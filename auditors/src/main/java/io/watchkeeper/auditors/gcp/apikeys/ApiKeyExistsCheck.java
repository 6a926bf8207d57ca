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

/** CIS 1.12: API keys should exist only for active services; every key is listed for review. */
@AutoService(Check.class)
public final class ApiKeyExistsCheck extends GcpCheck<GcpApiKeyConfig> {

    public ApiKeyExistsCheck() {
        super("gcp.apikeys.key/exists", GcpApiKeyConfig.class, Severity.LOW, "The project has an API key",
                "An API key is a bearer secret that identifies only the project; it ends up in browsers, apps and repositories, and anyone who copies it spends the project's quota and reaches its APIs.",
                "Delete keys that no active service needs (gcloud services api-keys delete); prefer service accounts or OAuth.", "1.12");
    }

    @Override
    public List<Evidence> evaluate(GcpApiKeyConfig key, AuditContext context) {
        String id = key.uid() != null ? key.uid() : key.name();
        if (id == null) {
            return List.of();
        }
        return List.of(Members.evidence("key", "API key " + (key.displayName() == null ? id : key.displayName()) + " exists",
                Exposure.INTERNAL, Json.object().put("uid", key.uid())));
    }
}
