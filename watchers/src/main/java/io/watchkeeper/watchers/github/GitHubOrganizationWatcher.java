package io.watchkeeper.watchers.github;

import com.google.auto.service.AutoService;
import io.watchkeeper.core.config.github.GitHubOrganizationConfig;
import io.watchkeeper.core.watch.Observation;
import io.watchkeeper.core.watch.Watcher;
import io.watchkeeper.github.GitHubApi;
import io.watchkeeper.github.GitHubSession;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The organisation's settings: {@code GET /orgs/{org}} (read when the session proved the
 * organisation's identity) and whether SAML single sign-on is on.
 */
@AutoService(Watcher.class)
public final class GitHubOrganizationWatcher extends GitHubWatcher<GitHubOrganizationConfig> {

    /** Settings GitHub shows to owners only; absent ones are named in {@code notVisible}. */
    private static final List<String> OWNER_ONLY = List.of("plan", "two_factor_requirement_enabled",
            "default_repository_permission", "members_can_create_repositories",
            "members_can_create_public_repositories", "members_can_create_private_repositories",
            "members_can_fork_private_repositories");

    public GitHubOrganizationWatcher() {
        super("github.organization", GitHubOrganizationConfig.class, "organization_administration:read",
                "members:read");
    }

    @Override
    protected List<Observation<GitHubOrganizationConfig>> observe(GitHubSession github) {
        JsonNode o = github.organizationJson();
        List<String> notVisible = new ArrayList<>();
        for (String field : OWNER_ONLY) {
            if (o.get(field) == null || o.get(field).isNull()) {
                notVisible.add(field);
            }
        }
        GitHubApi.Answer saml = github.api().answerRemembered(orgPath(github) + "/credential-authorizations?per_page=1",
                Fields.text(o, "updated_at") + "|" + Fields.text(o.get("plan"), "name"), github.settings().recheck());
        String samlSso = saml.ok() ? "enabled" : saml.status() == 404 || saml.notOffered() ? "not-enabled" : "not-visible";
        if (!saml.ok() && saml.status() != 403 && saml.status() != 404) {
            throw saml.failure("reading SAML single sign-on of " + github.organization());
        }
        JsonNode plan = o.get("plan");
        GitHubOrganizationConfig config = new GitHubOrganizationConfig(Fields.text(o, "login"), Fields.id(o),
                Fields.text(o, "name"), Fields.text(plan, "name"), Fields.bool(o, "two_factor_requirement_enabled"),
                Fields.text(o, "default_repository_permission"), Fields.bool(o, "members_can_create_repositories"),
                Fields.bool(o, "members_can_create_public_repositories"),
                Fields.bool(o, "members_can_create_private_repositories"),
                Fields.bool(o, "members_can_create_internal_repositories"),
                Fields.bool(o, "members_can_delete_repositories"),
                Fields.bool(o, "members_can_change_repo_visibility"),
                Fields.bool(o, "members_can_fork_private_repositories"),
                Fields.bool(o, "members_can_invite_outside_collaborators"),
                Fields.bool(o, "web_commit_signoff_required"), Fields.bool(o, "is_verified"), samlSso,
                Fields.bool(o, "advanced_security_enabled_for_new_repositories"),
                Fields.bool(o, "dependabot_alerts_enabled_for_new_repositories"),
                Fields.bool(o, "dependabot_security_updates_enabled_for_new_repositories"),
                Fields.bool(o, "dependency_graph_enabled_for_new_repositories"),
                Fields.bool(o, "secret_scanning_enabled_for_new_repositories"),
                Fields.bool(o, "secret_scanning_push_protection_enabled_for_new_repositories"),
                Fields.bool(o, "deploy_keys_enabled_for_repositories"), Fields.instant(o, "created_at"),
                List.copyOf(notVisible), Fields.instant(o, "updated_at"), Fields.number(o, "public_repos"),
                Fields.number(o, "total_private_repos"), Fields.number(plan, "filled_seats"));
        return List.of(observed(orgPath(github), github.organization(), config));
    }
}
