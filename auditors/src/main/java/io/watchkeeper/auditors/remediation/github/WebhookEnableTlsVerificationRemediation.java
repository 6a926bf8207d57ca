package io.watchkeeper.auditors.remediation.github;

import com.google.auto.service.AutoService;
import io.watchkeeper.auditors.remediation.github.GitHubCalls.Allowed;
import io.watchkeeper.core.config.github.GitHubWebhookConfig;
import io.watchkeeper.core.finding.CheckId;
import io.watchkeeper.core.finding.FindingView;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.model.InvalidInputException;
import io.watchkeeper.core.remediation.ApiCall;
import io.watchkeeper.core.remediation.Remediation;
import io.watchkeeper.core.remediation.RemediationPlan;
import io.watchkeeper.core.watch.CloudSession;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns TLS certificate verification of a webhook back on ({@code PATCH …/hooks/{id}/config} with
 * {@code insecure_ssl: "0"}); only the setting is sent, the URL and secret stay as they are. Rollback
 * turns verification off again.
 */
@AutoService(Remediation.class)
public final class WebhookEnableTlsVerificationRemediation implements Remediation<GitHubWebhookConfig> {

    static final Pattern HOOK = Pattern.compile("/(?:orgs/(" + GitHubCalls.LOGIN + ")|repos/(" + GitHubCalls.LOGIN + ")/"
            + GitHubCalls.REPOSITORY + ")/hooks/\\d{1,19}");
    private static final Pattern CONFIG = Pattern.compile("/(?:orgs|repos)/(" + GitHubCalls.LOGIN + ")(?:/"
            + GitHubCalls.REPOSITORY + ")?/hooks/\\d{1,19}/config");
    private static final Map<String, Allowed> CALLS = Map.of("UpdateWebhookConfig",
            new Allowed("PATCH", CONFIG, Set.of("insecure_ssl")));

    @Override public String id() { return "github.webhook/enable-tls-verification"; }
    @Override public CheckId fixes() { return CheckId.of("github.webhook/tls-verification-off"); }
    @Override public Class<GitHubWebhookConfig> configType() { return GitHubWebhookConfig.class; }
    @Override public Set<String> requiredPermissions() {
        return Set.of("repository_hooks:write", "organization_hooks:write");
    }
    @Override public String description() { return "Turn the webhook's TLS certificate verification on."; }

    @Override
    public RemediationPlan plan(FindingView finding, GitHubWebhookConfig config) {
        String path = GitHubCalls.path(finding.resourceId(), HOOK, "a webhook path");
        if (!path.endsWith("/hooks/" + config.id())) {
            throw new InvalidInputException("refusing to plan: the finding's resource " + GitHubCalls.printable(path)
                    + " is not webhook " + config.id());
        }
        GitHubCalls.accept(this, finding, path);
        if (!config.insecureSsl()) {
            return GitHubCalls.plan(this, finding, "nothing to do: TLS verification is on");
        }
        return GitHubCalls.plan(this, finding, "Turn on TLS verification of the webhook to "
                        + GitHubCalls.printable(String.valueOf(config.urlHost())),
                GitHubCalls.call("UpdateWebhookConfig", "PATCH", path + "/config", Json.object().put("insecure_ssl", "0")));
    }

    @Override
    public RemediationPlan rollback(RemediationPlan applied, GitHubWebhookConfig before) {
        List<ApiCall> done = GitHubCalls.calls(applied, "UpdateWebhookConfig");
        List<ApiCall> calls = done.isEmpty() || !before.insecureSsl() ? List.of()
                : List.of(GitHubCalls.call("UpdateWebhookConfig", "PATCH",
                        done.getFirst().parameters().get("Path").stringValue(), Json.object().put("insecure_ssl", "1")));
        return GitHubCalls.rollback(this, applied, "Turn TLS verification of the webhook off again", calls);
    }

    @Override
    public void execute(ApiCall call, CloudSession session) {
        GitHubCalls.execute(this, call, session, CALLS);
    }
}
