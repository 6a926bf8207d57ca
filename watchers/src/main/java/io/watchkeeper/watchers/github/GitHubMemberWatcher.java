package io.watchkeeper.watchers.github;

import com.google.auto.service.AutoService;
import io.watchkeeper.core.config.github.GitHubMemberConfig;
import io.watchkeeper.core.watch.Observation;
import io.watchkeeper.core.watch.Watcher;
import io.watchkeeper.github.GitHubApi;
import io.watchkeeper.github.GitHubSession;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Organisation members, one item each: owners ({@code role=admin}) and members ({@code role=member})
 * listings, and the {@code filter=2fa_disabled} listing for two-factor authentication (owners only;
 * when it is not visible, 2FA is unknown rather than failed). Three listings whatever the size.
 */
@AutoService(Watcher.class)
public final class GitHubMemberWatcher extends GitHubWatcher<GitHubMemberConfig> {

    public GitHubMemberWatcher() {
        super("github.member", GitHubMemberConfig.class, "members:read");
    }

    @Override
    protected List<Observation<GitHubMemberConfig>> observe(GitHubSession github) {
        String members = orgPath(github) + "/members";
        Set<String> withoutTwoFactor = twoFactorDisabled(github, members);
        List<Observation<GitHubMemberConfig>> out = new ArrayList<>();
        for (String role : List.of("admin", "member")) {
            for (JsonNode m : github.api().list(members + "?role=" + role)) {
                String login = Fields.text(m, "login");
                if (login == null) {
                    continue;
                }
                GitHubMemberConfig config = new GitHubMemberConfig(login, Fields.id(m), role,
                        withoutTwoFactor == null ? null : withoutTwoFactor.contains(login), Fields.isTrue(m, "site_admin"));
                out.add(observed(members + "/" + GitHubApi.segment(login), login, config));
            }
        }
        return out;
    }

    /** Logins without 2FA, or null when GitHub does not show it to these credentials (owners only). */
    static Set<String> twoFactorDisabled(GitHubSession github, String listing) {
        List<JsonNode> listed = github.api().listUnless(listing + "?filter=2fa_disabled", null,
                a -> a.status() == 403 || a.status() == 422 || a.notOffered());
        if (listed == null) {
            return null;
        }
        Set<String> logins = new HashSet<>();
        listed.forEach(m -> logins.add(Fields.text(m, "login")));
        return logins;
    }
}
