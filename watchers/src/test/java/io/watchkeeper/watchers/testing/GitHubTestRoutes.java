package io.watchkeeper.watchers.testing;

import io.watchkeeper.core.json.Json;
import io.watchkeeper.watchers.testing.GitHubTestOrg.Repo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The GET endpoints of the test server, answered from {@link GitHubTestOrg}'s state: what GitHub's
 * REST API answers for an organisation, its members, teams, repositories and their settings, and the
 * App endpoints. Lists are returned whole; the server pages them.
 */
final class GitHubTestRoutes {

    /** An answer before paging and conditional handling. */
    sealed interface Body {
        /** One JSON document (status 200 unless said). */
        record Doc(int status, JsonNode json) implements Body {}

        /** A list, paged by the server; {@code field} non-null: pages are objects {@code {total_count, field: [...]}}. */
        record Items(String field, List<JsonNode> items) implements Body {}

        /** No body (204, or a 404 with GitHub's message). */
        record Status(int status, String message) implements Body {}
    }

    /** Who may call a route. */
    enum Auth { APP, INSTALLATION }

    record Route(Auth auth, Pattern pattern, BiFunction<Matcher, Map<String, String>, Body> handler) {}

    private static final String ORG = "/orgs/([^/]+)";
    private static final String REPO = "/repos/([^/]+)/([^/]+)";

    private final GitHubTestOrg org;
    final List<Route> routes = new ArrayList<>();

    GitHubTestRoutes(GitHubTestOrg org) {
        this.org = org;
        app("/app", (m, q) -> doc(app()));
        app("/app/installations", (m, q) -> items(null, List.of(installation(GitHubTestServer.INSTALLATION_ID),
                otherOrgInstallation())));
        app("/app/installations/(\\d+)", (m, q) -> Long.parseLong(m.group(1)) == GitHubTestServer.INSTALLATION_ID
                ? doc(installation(GitHubTestServer.INSTALLATION_ID))
                : Long.parseLong(m.group(1)) == 99 ? doc(otherOrgInstallation()) : notFound());
        app(ORG + "/installation", (m, q) -> ours(m) ? doc(installation(GitHubTestServer.INSTALLATION_ID)) : notFound());
        get("/user", (m, q) -> doc(org.user("alice")));
        get(ORG, (m, q) -> ours(m) ? doc(org.org) : notFound());
        get(ORG + "/credential-authorizations", (m, q) -> org.samlSso ? items(null, List.of()) : notFound());
        get(ORG + "/members", (m, q) -> items(null, members(q)));
        get(ORG + "/outside_collaborators", (m, q) -> items(null, org.outsideCollaborators.entrySet().stream()
                .filter(e -> !"2fa_disabled".equals(q.get("filter")) || org.outsideWithoutTwoFactor.contains(e.getKey()))
                .map(e -> (JsonNode) e.getValue()).toList()));
        get(ORG + "/teams", (m, q) -> items(null, org.teams.values().stream().map(t -> (JsonNode) t.json()).toList()));
        get(ORG + "/teams/([^/]+)/repos", (m, q) -> {
            GitHubTestOrg.Team team = org.teams.get(m.group(2));
            return team == null ? notFound() : items(null, team.repos().entrySet().stream()
                    .filter(e -> org.repos.containsKey(e.getKey()))
                    .map(e -> withPermission(org.repos.get(e.getKey()).json, e.getValue())).toList());
        });
        get(ORG + "/repos", (m, q) -> items(null, repoList()));
        get("/organizations/" + GitHubTestOrg.ID + "/repos", (m, q) -> items(null, repoList()));
        get(ORG + "/hooks", (m, q) -> items(null, List.copyOf(org.orgHooks)));
        get(ORG + "/rulesets", (m, q) -> items(null, org.orgRulesets.stream().map(GitHubTestRoutes::summary).toList()));
        get(ORG + "/rulesets/(\\d+)", (m, q) -> org.orgRulesets.stream().filter(r -> r.get("id").asLong()
                == Long.parseLong(m.group(2))).findFirst().<Body>map(GitHubTestRoutes::doc).orElse(notFound()));
        get(ORG + "/actions/permissions", (m, q) -> doc(org.orgActions));
        get(ORG + "/actions/permissions/selected-actions", (m, q) -> doc(org.orgSelectedActions));
        get(ORG + "/actions/permissions/workflow", (m, q) -> doc(org.orgWorkflow));
        get(ORG + "/actions/runner-groups", (m, q) -> items("runner_groups", List.copyOf(org.runnerGroups)));
        get(ORG + "/installations", (m, q) -> items("installations", List.copyOf(org.installations)));
        repo("", (r, m, q) -> doc(withPermission(r.json, "admin")));
        repo("/branches/([^/]+)/protection", (r, m, q) -> r.protection == null ? new Body.Status(404, "Branch not protected")
                : doc(r.protection));
        repo("/branches/([^/]+)", (r, m, q) -> m.group(3).equals(r.json.path("default_branch").asString())
                ? doc(branch(r, m.group(3))) : notFound());
        repo("/rules/branches/([^/]+)", (r, m, q) -> items(null, rulesFor(r, m.group(3))));
        repo("/rulesets", (r, m, q) -> items(null, rulesets(r, !"false".equals(q.get("includes_parents"))).stream()
                .map(GitHubTestRoutes::summary).toList()));
        repo("/rulesets/(\\d+)", (r, m, q) -> rulesets(r, true).stream().filter(x -> x.get("id").asLong()
                == Long.parseLong(m.group(3))).findFirst().<Body>map(GitHubTestRoutes::doc).orElse(notFound()));
        repo("/hooks", (r, m, q) -> items(null, List.copyOf(r.hooks)));
        repo("/keys", (r, m, q) -> items(null, List.copyOf(r.keys)));
        repo("/environments", (r, m, q) -> items("environments", List.copyOf(r.environments)));
        repo("/collaborators", (r, m, q) -> items(null, r.outside.entrySet().stream()
                .map(e -> withPermission(org.outsideCollaborators.getOrDefault(e.getKey(), org.user(e.getKey())),
                        e.getValue())).toList()));
        repo("/actions/permissions", (r, m, q) -> doc(r.actions));
        repo("/actions/permissions/selected-actions", (r, m, q) -> r.selectedActions == null ? notFound()
                : doc(r.selectedActions));
        repo("/actions/permissions/workflow", (r, m, q) -> doc(r.workflow));
        repo("/private-vulnerability-reporting", (r, m, q) -> r.privateVulnerabilityReporting == null ? notFound()
                : doc(Json.object().put("enabled", r.privateVulnerabilityReporting)));
        repo("/vulnerability-alerts", (r, m, q) -> new Body.Status(r.vulnerabilityAlerts ? 204 : 404,
                r.vulnerabilityAlerts ? null : "Not Found"));
        repo("/contents/?", (r, m, q) -> contents(r, r.rootFiles));
        repo("/contents/\\.github", (r, m, q) -> contents(r, r.githubFiles));
    }

    private interface RepoHandler {
        Body answer(Repo repo, Matcher m, Map<String, String> query);
    }

    private void get(String regex, BiFunction<Matcher, Map<String, String>, Body> handler) {
        routes.add(new Route(Auth.INSTALLATION, Pattern.compile(regex), (m, q) ->
                m.groupCount() >= 1 && regex.startsWith(ORG) && !ours(m) ? notFound() : handler.apply(m, q)));
    }

    private void app(String regex, BiFunction<Matcher, Map<String, String>, Body> handler) {
        routes.add(new Route(Auth.APP, Pattern.compile(regex), handler));
    }

    private void repo(String suffix, RepoHandler handler) {
        routes.add(new Route(Auth.INSTALLATION, Pattern.compile(REPO + suffix), (m, q) -> {
            Repo repo = m.group(1).equalsIgnoreCase(GitHubTestOrg.LOGIN) ? org.repos.get(m.group(2)) : null;
            return repo == null ? notFound() : handler.answer(repo, m, q);
        }));
    }

    private static boolean ours(Matcher m) {
        return m.group(1).equalsIgnoreCase(GitHubTestOrg.LOGIN);
    }

    private List<JsonNode> repoList() {
        return org.repos.values().stream().map(r -> withPermission(r.json, "admin")).toList();
    }

    private List<JsonNode> members(Map<String, String> q) {
        String role = q.getOrDefault("role", "all");
        boolean withoutTwoFactor = "2fa_disabled".equals(q.get("filter"));
        return org.members.values().stream()
                .filter(m -> role.equals("all") || role.equals(m.role()))
                .filter(m -> !withoutTwoFactor || m.twoFactorDisabled())
                .map(m -> (JsonNode) m.user()).toList();
    }

    /** The active branch rules of a repository's default branch, from its and the organisation's rulesets. */
    private List<JsonNode> rulesFor(Repo repo, String branch) {
        List<JsonNode> out = new ArrayList<>();
        for (ObjectNode ruleset : rulesets(repo, true)) {
            if (!"active".equals(ruleset.path("enforcement").asString()) || !"branch".equals(ruleset.path("target").asString())
                    || !applies(ruleset, repo, branch)) {
                continue;
            }
            for (JsonNode rule : ruleset.get("rules")) {
                ObjectNode copy = (ObjectNode) rule.deepCopy();
                copy.put("ruleset_source_type", ruleset.get("source_type").asString())
                        .put("ruleset_source", ruleset.get("source").asString()).put("ruleset_id", ruleset.get("id").asLong());
                out.add(copy);
            }
        }
        return out;
    }

    private JsonNode branch(Repo repo, String name) {
        boolean isProtected = repo.protection != null || !rulesFor(repo, name).isEmpty();
        ObjectNode b = Json.object().put("name", name).put("protected", isProtected);
        b.putObject("commit").put("sha", Integer.toHexString(repo.name().hashCode()));
        b.putObject("protection").put("enabled", repo.protection != null);
        return b;
    }

    private static boolean applies(JsonNode ruleset, Repo repo, String branch) {
        JsonNode refs = ruleset.path("conditions").path("ref_name").path("include");
        boolean ref = false;
        for (JsonNode r : refs) {
            String p = r.asString();
            ref |= p.equals("~ALL") || p.equals("refs/heads/" + branch)
                    || p.equals("~DEFAULT_BRANCH") && branch.equals(repo.json.path("default_branch").asString());
        }
        JsonNode names = ruleset.path("conditions").path("repository_name").path("include");
        if (names.isMissingNode()) {
            return ref;
        }
        boolean named = false;
        for (JsonNode n : names) {
            named |= n.asString().equals("~ALL") || n.asString().equals(repo.name());
        }
        return ref && named;
    }

    private List<ObjectNode> rulesets(Repo repo, boolean withParents) {
        List<ObjectNode> out = new ArrayList<>(repo.rulesets);
        if (withParents) {
            org.orgRulesets.stream().filter(r -> applies(r, repo, repo.json.path("default_branch").asString())
                    || r.path("target").asString().equals("tag")).forEach(out::add);
        }
        return out;
    }

    private static JsonNode summary(ObjectNode ruleset) {
        ObjectNode s = ruleset.deepCopy();
        s.remove("rules");
        s.remove("conditions");
        s.remove("bypass_actors");
        return s;
    }

    private Body contents(Repo repo, List<String> files) {
        if (repo.json.path("size").asLong() == 0) {
            return new Body.Status(404, "This repository is empty.");
        }
        ArrayNode listing = Json.object().arrayNode();
        for (String f : files) {
            boolean dir = !f.contains(".") || f.equals(".github");
            listing.addObject().put("name", f).put("path", f).put("type", dir ? "dir" : "file").put("size", dir ? 0 : 42);
        }
        return doc(listing);
    }

    private static JsonNode withPermission(JsonNode holder, String permission) {
        ObjectNode copy = (ObjectNode) holder.deepCopy();
        ObjectNode p = copy.putObject("permissions");
        List<String> order = List.of("pull", "triage", "push", "maintain", "admin");
        int level = order.indexOf(permission);
        for (int i = 0; i < order.size(); i++) {
            p.put(order.get(i), i <= level);
        }
        copy.put("role_name", switch (permission) {
            case "push" -> "write";
            case "pull" -> "read";
            default -> permission;
        });
        return copy;
    }

    private JsonNode app() {
        ObjectNode app = (ObjectNode) org.template("app.json").json();
        app.put("id", GitHubTestServer.APP_ID).put("slug", "watchkeeper-test").put("name", "Watchkeeper test");
        return app;
    }

    private JsonNode installation(long id) {
        return org.installations.stream().filter(i -> i.get("id").asLong() == id).findFirst()
                .orElseThrow().deepCopy();
    }

    private JsonNode otherOrgInstallation() {
        ObjectNode other = org.installations.get(0).deepCopy();
        other.put("id", 99);
        ((ObjectNode) other.get("account")).put("login", "other-org").put("id", 555);
        return other;
    }

    static Body doc(JsonNode json) {
        return new Body.Doc(200, json);
    }

    static Body items(String field, List<JsonNode> items) {
        return new Body.Items(field, items);
    }

    static Body notFound() {
        return new Body.Status(404, "Not Found");
    }
}
