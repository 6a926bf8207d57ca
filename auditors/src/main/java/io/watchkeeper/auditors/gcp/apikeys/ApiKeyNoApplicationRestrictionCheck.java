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

/** No referrer, IP, Android or iOS restriction (CIS 1.13, a manual recommendation, lists this check). */
@AutoService(Check.class)
public final class ApiKeyNoApplicationRestrictionCheck extends GcpCheck<GcpApiKeyConfig> {

    public ApiKeyNoApplicationRestrictionCheck() {
        super("gcp.apikeys.key/no-application-restriction", GcpApiKeyConfig.class, Severity.MEDIUM, "API key is usable from any website, address or app",
                "Without an application restriction a leaked key works from anywhere.",
                "Restrict the key to HTTP referrers, IP addresses, Android or iOS apps (gcloud services api-keys update --allowed-referrers/--allowed-ips/…).");
    }

    @Override
    public List<Evidence> evaluate(GcpApiKeyConfig key, AuditContext context) {
        var r = key.restrictions();
        boolean restricted = r != null && (!Members.list(r.allowedReferrers()).isEmpty() || !Members.list(r.allowedIps()).isEmpty()
                || !Members.list(r.allowedAndroidApps()).isEmpty() || !Members.list(r.allowedIosBundleIds()).isEmpty());
        if (restricted) {
            return List.of();
        }
        return List.of(Members.evidence("application-restriction", "No website, IP address or app restriction",
                Exposure.INTERNET, Json.object().put("applicationType", r == null ? null : r.applicationType())));
    }
}
