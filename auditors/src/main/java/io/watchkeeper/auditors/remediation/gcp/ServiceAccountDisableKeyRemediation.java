package io.watchkeeper.auditors.remediation.gcp;

import com.google.api.services.iam.v1.model.DisableServiceAccountKeyRequest;
import com.google.api.services.iam.v1.model.EnableServiceAccountKeyRequest;
import com.google.auto.service.AutoService;
import io.watchkeeper.core.config.gcp.GcpServiceAccountConfig;
import io.watchkeeper.core.finding.CheckId;
import io.watchkeeper.core.finding.FindingView;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.model.InvalidInputException;
import io.watchkeeper.core.remediation.ApiCall;
import io.watchkeeper.core.remediation.Remediation;
import io.watchkeeper.core.remediation.RemediationPlan;
import io.watchkeeper.core.watch.CloudSession;
import io.watchkeeper.gcp.GcpSession;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Disables the user-managed service-account key a finding names ({@code key:<id>}) with
 * {@code iam.serviceAccounts.keys.disable}: the key stops authenticating at once and can be enabled
 * again (rollback), unlike a deletion. Deleting it is left to its owner once nothing broke.
 */
@AutoService(Remediation.class)
public final class ServiceAccountDisableKeyRemediation implements Remediation<GcpServiceAccountConfig> {

    static final Pattern EMAIL = Pattern.compile("[a-z][a-z0-9-]{4,28}[a-z0-9]@[a-z][a-z0-9-]{4,28}[a-z0-9]\\.iam\\.gserviceaccount\\.com"
            + "|\\d{6,20}-compute@developer\\.gserviceaccount\\.com|[a-z][a-z0-9-]{4,28}[a-z0-9]@appspot\\.gserviceaccount\\.com");
    static final Pattern KEY_ID = Pattern.compile("[0-9a-f]{16,64}");
    private static final Set<CheckId> FIXES = Set.of(CheckId.of("gcp.iam.service-account/user-managed-key"),
            CheckId.of("gcp.iam.service-account/key-not-rotated"));
    private static final List<String> PARAMETERS = List.of("project", "serviceAccount", "keyId");
    private static final Map<String, List<String>> CALLS = Map.of("iam:serviceAccounts.keys.disable", PARAMETERS,
            "iam:serviceAccounts.keys.enable", PARAMETERS);

    @Override public String id() { return "gcp.iam.service-account/disable-key"; }
    @Override public CheckId fixes() { return CheckId.of("gcp.iam.service-account/key-not-rotated"); }
    @Override public Class<GcpServiceAccountConfig> configType() { return GcpServiceAccountConfig.class; }
    @Override public Set<String> requiredPermissions() { return Set.of("iam.serviceAccountKeys.disable", "iam.serviceAccountKeys.enable"); }
    @Override public String description() { return "Disable the service-account key the finding names (it can be enabled again)."; }

    @Override
    public RemediationPlan plan(FindingView finding, GcpServiceAccountConfig config) {
        String project = GcpCalls.project(finding);
        String email = GcpCalls.valid(config.email(), EMAIL, "service account e-mail");
        GcpCalls.accept(this, finding, resourceId(project, email), FIXES);
        String evidence = finding.evidenceKey() == null ? "" : finding.evidenceKey();
        if (!evidence.startsWith("key:")) {
            throw new InvalidInputException("refusing to plan " + id() + ": the finding names no key ('"
                    + GcpCalls.printable(evidence) + "')");
        }
        String keyId = GcpCalls.valid(evidence.substring(4), KEY_ID, "service account key id");
        var key = config.keys() == null ? null : config.keys().stream().filter(k -> k != null && keyId.equals(k.keyId()))
                .findFirst().orElse(null);
        if (key == null) {
            throw new InvalidInputException("refusing to plan " + id() + ": " + email + " has no key " + keyId + " any more");
        }
        if (key.disabled()) {
            return GcpCalls.plan(this, finding, "nothing to do: key " + keyId + " is disabled");
        }
        return GcpCalls.plan(this, finding, "Disable key " + keyId + " of " + email, call("disable", project, email, keyId));
    }

    @Override
    public RemediationPlan rollback(RemediationPlan applied, GcpServiceAccountConfig before) {
        List<ApiCall> disabled = GcpCalls.calls(applied, "serviceAccounts.keys.disable");
        if (disabled.isEmpty()) {
            return GcpCalls.rollback(this, applied, applied.resourceId(), "", List.of());
        }
        var p = disabled.getFirst().parameters();
        String project = GcpCalls.text(p, "project", GcpCalls.PROJECT, "GCP project id");
        String email = GcpCalls.valid(before.email(), EMAIL, "service account e-mail");
        String keyId = GcpCalls.text(p, "keyId", KEY_ID, "service account key id");
        boolean wasEnabled = before.keys() != null && before.keys().stream().anyMatch(k -> k != null && keyId.equals(k.keyId())
                && !k.disabled());
        return GcpCalls.rollback(this, applied, resourceId(project, email), "Enable key " + keyId + " of " + email + " again",
                wasEnabled ? List.of(call("enable", project, email, keyId)) : List.of());
    }

    @Override
    public void execute(ApiCall call, CloudSession session) {
        GcpCalls.expect(this, call, CALLS);
        GcpSession gcp = GcpCalls.gcp(session, call);
        String email = GcpCalls.text(call.parameters(), "serviceAccount", EMAIL, "service account e-mail");
        String keyId = GcpCalls.text(call.parameters(), "keyId", KEY_ID, "service account key id");
        String name = "projects/" + gcp.projectId() + "/serviceAccounts/" + email + "/keys/" + keyId;
        var keys = gcp.iam().projects().serviceAccounts().keys();
        switch (call.operation()) {
            case "serviceAccounts.keys.disable" -> GcpCalls.run(call, () -> GcpSession.call(() ->
                    keys.disable(name, new DisableServiceAccountKeyRequest()).execute()));
            case "serviceAccounts.keys.enable" -> GcpCalls.run(call, () -> GcpSession.call(() ->
                    keys.enable(name, new EnableServiceAccountKeyRequest()).execute()));
            default -> throw GcpCalls.unknown(this, call);
        }
    }

    static String resourceId(String project, String email) {
        return "//iam.googleapis.com/projects/" + project + "/serviceAccounts/" + email;
    }

    private static ApiCall call(String verb, String project, String email, String keyId) {
        return new ApiCall("iam", "serviceAccounts.keys." + verb, Json.object().put("project", project)
                .put("serviceAccount", email).put("keyId", keyId));
    }
}
