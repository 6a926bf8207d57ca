package io.watchkeeper.auditors.gcp.iam;

import com.google.auto.service.AutoService;
import io.watchkeeper.auditors.gcp.GcpCheck;
import io.watchkeeper.auditors.gcp.Members;
import io.watchkeeper.core.config.gcp.GcpServiceAccountConfig;
import io.watchkeeper.core.finding.AuditContext;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import io.watchkeeper.core.finding.Severity;
import io.watchkeeper.core.json.Json;
import java.util.ArrayList;
import java.util.List;

/** CIS 1.4: a service account has an enabled user-managed key (disabled keys cannot sign in and are not reported). */
@AutoService(Check.class)
public final class ServiceAccountUserManagedKeyCheck extends GcpCheck<GcpServiceAccountConfig> {

    public ServiceAccountUserManagedKeyCheck() {
        super("gcp.iam.service-account/user-managed-key", GcpServiceAccountConfig.class, Severity.MEDIUM,
                "Service account has an enabled user-managed key",
                "A downloaded key is a password for the service account that lives for ten years wherever it was copied"
                        + " (laptops, CI, repositories) and works from anywhere.",
                "Use attached service accounts, workload identity federation or impersonation instead; disable, then delete"
                        + " the key; enforce iam.disableServiceAccountKeyCreation.", "1.4");
    }

    @Override
    public List<Evidence> evaluate(GcpServiceAccountConfig account, AuditContext context) {
        List<Evidence> out = new ArrayList<>();
        for (var key : Members.list(account.keys())) {
            if (!key.disabled() && key.keyId() != null && !"SYSTEM_MANAGED".equals(key.keyType())) {
                out.add(Members.evidence("key:" + key.keyId(), "User-managed key " + key.keyId() + " created "
                        + key.validAfterTime(), Exposure.INTERNAL, Json.object().put("keyId", key.keyId())
                        .put("keyOrigin", key.keyOrigin())));
            }
        }
        return out;
    }
}
