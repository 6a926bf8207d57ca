package io.watchkeeper.watchers.github;

import com.google.auto.service.AutoService;
import io.watchkeeper.core.config.github.GitHubTeamConfig;
import io.watchkeeper.core.config.github.RepositoryPermission;
import io.watchkeeper.core.watch.Observation;
import io.watchkeeper.core.watch.Watcher;
import io.watchkeeper.github.GitHubApi;
import io.watchkeeper.github.GitHubSession;
import java.util.Comparator;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Teams ({@code GET /orgs/{org}/teams}) with their repository permissions (one listing per team). */
@AutoService(Watcher.class)
public final class GitHubTeamWatcher extends GitHubWatcher<GitHubTeamConfig> {

    public GitHubTeamWatcher() {
        super("github.team", GitHubTeamConfig.class, "members:read", "metadata:read");
    }

    @Override
    protected List<Observation<GitHubTeamConfig>> observe(GitHubSession github) {
        String teams = orgPath(github) + "/teams";
        List<JsonNode> listed = github.api().list(teams).stream().filter(t -> Fields.text(t, "slug") != null).toList();
        return describeEach(listed, t -> teams + "/" + GitHubApi.segment(Fields.text(t, "slug")),
                t -> Fields.text(t, "slug"), t -> {
                    String slug = Fields.text(t, "slug");
                    String path = teams + "/" + GitHubApi.segment(slug);
                    List<RepositoryPermission> repos = github.api().list(path + "/repos").stream()
                            .map(r -> Permissions.of(Fields.text(r, "name"), r))
                            .sorted(Comparator.comparing(RepositoryPermission::repository))
                            .toList();
                    return observed(path, slug, new GitHubTeamConfig(slug, Fields.id(t), Fields.text(t, "name"),
                            Fields.text(t, "privacy"), Fields.text(t, "notification_setting"),
                            Fields.text(t.get("parent"), "slug"), repos));
                });
    }
}
