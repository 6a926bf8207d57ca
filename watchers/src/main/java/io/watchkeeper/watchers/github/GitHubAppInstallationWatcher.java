package io.watchkeeper.watchers.github;

import com.google.auto.service.AutoService;
import io.watchkeeper.core.config.github.GitHubAppInstallationConfig;
import io.watchkeeper.core.watch.Observation;
import io.watchkeeper.core.watch.Watcher;
import io.watchkeeper.github.GitHubSession;
import java.util.List;

/** GitHub Apps installed on the organisation ({@code GET /orgs/{org}/installations}: one listing). */
@AutoService(Watcher.class)
public final class GitHubAppInstallationWatcher extends GitHubWatcher<GitHubAppInstallationConfig> {

    public GitHubAppInstallationWatcher() {
        super("github.app-installation", GitHubAppInstallationConfig.class, "organization_administration:read");
    }

    @Override
    protected List<Observation<GitHubAppInstallationConfig>> observe(GitHubSession github) {
        String listing = orgPath(github) + "/installations";
        return github.api().list(listing, "installations").stream().map(i -> {
            long id = Fields.id(i);
            String slug = Fields.text(i, "app_slug");
            GitHubAppInstallationConfig config = new GitHubAppInstallationConfig(id,
                    java.util.Objects.requireNonNullElse(Fields.number(i, "app_id"), 0L), slug,
                    Fields.text(i, "repository_selection"), Fields.textMap(i.get("permissions")),
                    Fields.strings(i, "events"), Fields.text(i, "suspended_at") != null, Fields.instant(i, "created_at"),
                    Fields.instant(i, "updated_at"));
            return observed(listing + "/" + id, slug == null ? "installation " + id : slug, config);
        }).toList();
    }
}
