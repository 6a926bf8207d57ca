package io.watchkeeper.auditors.remediation.github;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.config.github.GitHubDeployKeyConfig;
import io.watchkeeper.core.remediation.RemediationPlan;
import io.watchkeeper.watchers.github.GitHubDeployKeyWatcher;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeployKeyDeleteRemediationTest extends GitHubRemediationTestSupport {

    private static final String CHECK = "github.deploy-key/write-access";
    private final DeployKeyDeleteRemediation remediation = new DeployKeyDeleteRemediation();
    private final GitHubDeployKeyWatcher watcher = new GitHubDeployKeyWatcher();

    @Test
    void neverAutomaticDeletesTheWriteKeyAndSaysItCannotBeUndone() {
        assertThat(remediation.automaticAllowed()).isFalse();
        Map<String, GitHubDeployKeyConfig> keys = configs(watcher);
        Map.Entry<String, GitHubDeployKeyConfig> write = keys.entrySet().stream().filter(e -> !e.getValue().readOnly())
                .findFirst().orElseThrow();
        RemediationPlan plan = remediation.plan(finding(CHECK, write.getKey(), write.getValue()), write.getValue());
        assertThat(plan.summary()).contains("cannot be undone");
        server.clearRequests();
        execute(remediation, plan);
        assertThat(writes()).containsExactly("DELETE " + write.getKey());
        Map<String, GitHubDeployKeyConfig> after = configs(watcher);
        assertThat(after).doesNotContainKey(write.getKey());
        assertThat(after.keySet()).as("the read-only keys stay")
                .containsAll(keys.entrySet().stream().filter(e -> e.getValue().readOnly()).map(Map.Entry::getKey).toList());

        RemediationPlan rollback = remediation.rollback(plan, write.getValue());
        assertThat(rollback.calls()).isEmpty();
        assertThat(rollback.summary()).contains("cannot restore");
    }

    @Test
    void aReadOnlyKeyNeedsNothing() {
        Map.Entry<String, GitHubDeployKeyConfig> readOnly = configs(watcher).entrySet().stream()
                .filter(e -> e.getValue().readOnly()).findFirst().orElseThrow();
        Map.Entry<String, GitHubDeployKeyConfig> write = configs(watcher).entrySet().stream()
                .filter(e -> !e.getValue().readOnly()).findFirst().orElseThrow();
        var finding = finding(CHECK, readOnly.getKey(), write.getValue());
        assertThat(remediation.plan(finding, readOnly.getValue()).empty()).isTrue();
    }
}
