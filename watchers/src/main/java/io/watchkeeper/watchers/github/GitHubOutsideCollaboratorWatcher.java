package io.watchkeeper.watchers.github;

import com.google.auto.service.AutoService;
import io.watchkeeper.core.config.github.GitHubOutsideCollaboratorConfig;
import io.watchkeeper.core.config.github.RepositoryPermission;
import io.watchkeeper.core.watch.Observation;
import io.watchkeeper.core.watch.Watcher;
import io.watchkeeper.github.GitHubApi;
import io.watchkeeper.github.GitHubSession;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/**
 * Outside collaborators: the organisation's listing (and its {@code 2fa_disabled} filter) names them,
 * each repository's {@code collaborators?affiliation=outside} listing gives their permissions.
 */
@AutoService(Watcher.class)
public final class GitHubOutsideCollaboratorWatcher extends GitHubWatcher<GitHubOutsideCollaboratorConfig> {

    public GitHubOutsideCollaboratorWatcher() {
        super("github.outside-collaborator", GitHubOutsideCollaboratorConfig.class, "members:read", "metadata:read");
    }

    @Override
    protected List<Observation<GitHubOutsideCollaboratorConfig>> observe(GitHubSession github) {
        String listing = orgPath(github) + "/outside_collaborators";
        List<JsonNode> collaborators = github.api().list(listing);
        if (collaborators.isEmpty()) {
            return List.of();
        }
        Set<String> withoutTwoFactor = GitHubMemberWatcher.twoFactorDisabled(github, listing);
        record Grant(String login, RepositoryPermission permission) {}
        List<Grant> grants = eachRepository(repositories(github), repo -> github.api()
                .list(repoPath(github, repo) + "/collaborators?affiliation=outside").stream()
                .map(c -> new Grant(Fields.text(c, "login"), Permissions.of(Fields.text(repo, "name"), c)))
                .toList());
        Map<String, List<RepositoryPermission>> byLogin = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        grants.forEach(g -> byLogin.computeIfAbsent(g.login(), k -> new ArrayList<>()).add(g.permission()));
        List<Observation<GitHubOutsideCollaboratorConfig>> out = new ArrayList<>();
        for (JsonNode c : collaborators) {
            String login = Fields.text(c, "login");
            if (login == null) {
                continue;
            }
            List<RepositoryPermission> repos = new ArrayList<>(byLogin.getOrDefault(login, List.of()));
            repos.sort(Comparator.comparing(RepositoryPermission::repository));
            out.add(observed(listing + "/" + GitHubApi.segment(login), login, new GitHubOutsideCollaboratorConfig(
                    login, Fields.id(c), withoutTwoFactor == null ? null : withoutTwoFactor.contains(login),
                    List.copyOf(repos))));
        }
        return out;
    }
}
