package io.watchkeeper.auditors.remediation.github;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.config.github.GitHubWebhookConfig;
import io.watchkeeper.core.remediation.RemediationPlan;
import io.watchkeeper.watchers.github.GitHubWebhookWatcher;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookEnableTlsVerificationRemediationTest extends GitHubRemediationTestSupport {

    private static final String CHECK = "github.webhook/tls-verification-off";
    private final WebhookEnableTlsVerificationRemediation remediation = new WebhookEnableTlsVerificationRemediation();
    private final GitHubWebhookWatcher watcher = new GitHubWebhookWatcher();

    @Test
    void turnsVerificationOnSendingOnlyThatSettingAndRollsBack() {
        Map.Entry<String, GitHubWebhookConfig> hook = configs(watcher).entrySet().stream()
                .filter(e -> e.getValue().insecureSsl() && "https".equals(e.getValue().urlScheme()) && e.getValue().active())
                .findFirst().orElseThrow();
        String id = hook.getKey();
        GitHubWebhookConfig before = hook.getValue();
        RemediationPlan plan = remediation.plan(finding(CHECK, id, before), before);
        server.clearRequests();
        execute(remediation, plan);
        assertThat(writes()).containsExactly("PATCH " + id + "/config {\"insecure_ssl\":\"0\"}");
        GitHubWebhookConfig after = config(watcher, id);
        assertThat(after.insecureSsl()).isFalse();
        assertThat(after.secretSet()).as("secret kept").isEqualTo(before.secretSet());
        assertThat(after.urlPathHash()).as("URL kept").isEqualTo(before.urlPathHash());
        assertThat(evaluate(CHECK, after, new TestContext())).as("verified").isEmpty();

        server.clearRequests();
        execute(remediation, remediation.rollback(plan, before));
        assertThat(writes()).containsExactly("PATCH " + id + "/config {\"insecure_ssl\":\"1\"}");
        assertThat(durableHash(config(watcher, id))).isEqualTo(durableHash(before));
    }

    @Test
    void aVerifyingWebhookNeedsNothing() {
        Map.Entry<String, GitHubWebhookConfig> hook = configs(watcher).entrySet().stream()
                .filter(e -> e.getValue().insecureSsl()).findFirst().orElseThrow();
        GitHubWebhookConfig on = new GitHubWebhookConfig(hook.getValue().owner(), hook.getValue().repository(),
                hook.getValue().id(), "web", true, null, "https", "x", null, null, false, "json", true, null, null, null);
        assertThat(remediation.plan(finding(CHECK, hook.getKey(), hook.getValue()), on).empty()).isTrue();
    }
}
