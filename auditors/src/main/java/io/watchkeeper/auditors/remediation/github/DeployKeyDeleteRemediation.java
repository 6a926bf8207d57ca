package io.watchkeeper.auditors.remediation.github;

import com.google.auto.service.AutoService;
import io.watchkeeper.auditors.remediation.github.GitHubCalls.Allowed;
import io.watchkeeper.core.config.github.GitHubDeployKeyConfig;
import io.watchkeeper.core.finding.CheckId;
import io.watchkeeper.core.finding.FindingView;
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
 * Disables a deploy key that may push. GitHub cannot switch a key off or make it read-only, so the only way
 * is deleting it ({@code DELETE /repos/{owner}/{repo}/keys/{id}}) — whatever deploys with it stops working.
 * Never automatic: a person approves each plan. It cannot be rolled back by Watchkeeper (GitHub does not
 * return the public key, so it is not stored): the rollback plan is empty and says so; the key's owner
 * adds it again (read-only, preferably).
 */
@AutoService(Remediation.class)
public final class DeployKeyDeleteRemediation implements Remediation<GitHubDeployKeyConfig> {

    static final Pattern KEY = Pattern.compile("/repos/(" + GitHubCalls.LOGIN + ")/(" + GitHubCalls.REPOSITORY + ")/keys/\\d{1,19}");
    private static final Map<String, Allowed> CALLS = Map.of("DeleteDeployKey", new Allowed("DELETE", KEY, Set.of()));

    @Override public String id() { return "github.deploy-key/delete-write-key"; }
    @Override public CheckId fixes() { return CheckId.of("github.deploy-key/write-access"); }
    @Override public Class<GitHubDeployKeyConfig> configType() { return GitHubDeployKeyConfig.class; }
    @Override public Set<String> requiredPermissions() { return Set.of("administration:write"); }
    @Override public boolean automaticAllowed() { return false; }
    @Override public String description() {
        return "Delete a deploy key with write access (with approval only; cannot be rolled back).";
    }

    @Override
    public RemediationPlan plan(FindingView finding, GitHubDeployKeyConfig config) {
        String path = GitHubCalls.path(finding.resourceId(), KEY, "a deploy key path");
        if (!path.endsWith("/" + config.repository() + "/keys/" + config.id())) {
            throw new InvalidInputException("refusing to plan: the finding's resource " + GitHubCalls.printable(path)
                    + " is not key " + config.id() + " of " + GitHubCalls.printable(String.valueOf(config.repository())));
        }
        GitHubCalls.accept(this, finding, path);
        if (config.readOnly()) {
            return GitHubCalls.plan(this, finding, "nothing to do: the key is read-only");
        }
        return GitHubCalls.plan(this, finding, "Delete write deploy key '" + GitHubCalls.printable(String.valueOf(config.title()))
                        + "' (" + GitHubCalls.printable(String.valueOf(config.fingerprint())) + ") of "
                        + GitHubCalls.printable(config.repository()) + "; this cannot be undone here",
                GitHubCalls.call("DeleteDeployKey", "DELETE", path, null));
    }

    @Override
    public RemediationPlan rollback(RemediationPlan applied, GitHubDeployKeyConfig before) {
        GitHubCalls.rollback(this, applied, "", List.of());
        return new RemediationPlan(id(), applied.resourceId(), applied.region(), "cannot restore a deleted deploy key: "
                + "GitHub does not return its public key; its owner adds it again (read-only)", List.of());
    }

    @Override
    public void execute(ApiCall call, CloudSession session) {
        GitHubCalls.execute(this, call, session, CALLS);
    }
}
