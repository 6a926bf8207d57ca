package io.watchkeeper.watchers.github;

import com.google.auto.service.AutoService;
import io.watchkeeper.core.config.github.GitHubRule;
import io.watchkeeper.core.config.github.GitHubRulesetConfig;
import io.watchkeeper.core.config.github.GitHubRulesetConfig.BypassActor;
import io.watchkeeper.core.watch.Observation;
import io.watchkeeper.core.watch.Watcher;
import io.watchkeeper.github.GitHubApi;
import io.watchkeeper.github.GitHubSession;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Organisation and repository rulesets with their conditions, rules and bypass actors: the
 * organisation's listing, each repository's own ({@code includes_parents=false}), and one request
 * per ruleset for its details (listings do not carry them). Where the plan offers no rulesets
 * there are none to read.
 */
@AutoService(Watcher.class)
public final class GitHubRulesetWatcher extends GitHubWatcher<GitHubRulesetConfig> {

    public GitHubRulesetWatcher() {
        super("github.ruleset", GitHubRulesetConfig.class, "organization_administration:read", "administration:read");
    }

    @Override
    protected List<Observation<GitHubRulesetConfig>> observe(GitHubSession github) {
        List<String> paths = new ArrayList<>(rulesets(github, orgPath(github) + "/rulesets"));
        paths.addAll(eachRepository(repositories(github),
                r -> rulesets(github, repoPath(github, r) + "/rulesets?includes_parents=false")));
        return describeEach(paths, p -> p, p -> p.substring(p.lastIndexOf('/') + 1), path -> {
            JsonNode r = github.api().get(path);
            JsonNode conditions = r.path("conditions");
            List<BypassActor> bypass = new ArrayList<>();
            JsonNode actors = r.get("bypass_actors");
            if (actors != null && actors.isArray()) {
                actors.forEach(a -> bypass.add(new BypassActor(Fields.text(a, "actor_type"), Fields.number(a, "actor_id"),
                        Fields.text(a, "bypass_mode"))));
            }
            bypass.sort(Comparator.comparing((BypassActor b) -> String.valueOf(b.actorType()))
                    .thenComparing(b -> b.actorId() == null ? 0 : b.actorId()));
            List<GitHubRule> rules = new ArrayList<>();
            JsonNode listed = r.get("rules");
            if (listed != null && listed.isArray()) {
                listed.forEach(x -> rules.add(new GitHubRule(Fields.text(x, "type"), Fields.flatten(x.get("parameters")),
                        null, null, null)));
            }
            rules.sort(Comparator.comparing(g -> String.valueOf(g.type())));
            GitHubRulesetConfig config = new GitHubRulesetConfig(Fields.id(r), Fields.text(r, "name"),
                    Fields.text(r, "source_type"), Fields.text(r, "source"), Fields.text(r, "target"),
                    Fields.text(r, "enforcement"), Fields.strings(conditions.path("ref_name"), "include"),
                    Fields.strings(conditions.path("ref_name"), "exclude"),
                    Fields.strings(conditions.path("repository_name"), "include"),
                    Fields.strings(conditions.path("repository_name"), "exclude"), List.copyOf(bypass),
                    List.copyOf(rules), Fields.instant(r, "updated_at"));
            return observed(path, Fields.text(r, "name"), config);
        });
    }

    /** The detail paths of the rulesets a listing names (none where the plan offers no rulesets). */
    private static List<String> rulesets(GitHubSession github, String listing) {
        List<JsonNode> listed = github.api().listUnless(listing, null, GitHubApi.Answer::notOffered);
        String base = listing.contains("?") ? listing.substring(0, listing.indexOf('?')) : listing;
        return listed == null ? List.of() : listed.stream().filter(r -> Fields.number(r, "id") != null)
                .map(r -> base + "/" + Fields.id(r)).toList();
    }
}
