package io.watchkeeper.watchers.testing;

import io.watchkeeper.core.json.Json;
import java.util.List;
import java.util.regex.Matcher;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The writes the GitHub remediations make, answered as GitHub's REST reference describes them and applied
 * to the served organisation, so that a re-watch sees the change: classic branch protection (PUT, DELETE),
 * repository rulesets (POST, 201; DELETE by id, 204),
 * Actions workflow permissions of the organisation and of a repository (PUT, 204), webhook configuration
 * (PATCH {@code insecure_ssl}) and deploy key deletion (DELETE, 204). Malformed requests (a missing required
 * field, an unknown repository, hook or key) are answered 500 by the server and change nothing.
 */
final class GitHubTestWrites {

    private static final String OWNER = "/(?:repos|orgs)/([^/]+)";
    private static final String REPO = "/repos/([^/]+)/([^/]+)";

    private GitHubTestWrites() {}

    static void install(GitHubTestServer server, GitHubTestOrg org) {
        server.route("PUT", REPO + "/branches/([^/]+)/protection", 200, (m, body) -> protect(org, m, body));
        server.route("DELETE", REPO + "/branches/([^/]+)/protection", 204, (m, body) -> {
            GitHubTestOrg.Repo repo = repo(org, m);
            if (repo.protection == null) {
                throw new IllegalArgumentException("Branch not protected");
            }
            repo.protection = null;
            return null;
        });
        server.route("POST", REPO + "/rulesets", 201, (m, body) -> createRuleset(org, repo(org, m), body));
        server.route("DELETE", REPO + "/rulesets/(\\d+)", 204, (m, body) -> {
            if (!repo(org, m).rulesets.removeIf(r -> r.path("id").asString().equals(m.group(3)))) {
                throw new IllegalArgumentException("Not Found");
            }
            return null;
        });
        server.route("PUT", "/orgs/([^/]+)/actions/permissions/workflow", 204, (m, body) -> {
            owner(org, m.group(1));
            workflow(org.orgWorkflow, body);
            return null;
        });
        server.route("PUT", REPO + "/actions/permissions/workflow", 204, (m, body) -> {
            workflow(repo(org, m).workflow, body);
            return null;
        });
        server.route("PATCH", REPO + "/hooks/(\\d+)/config", 200, (m, body) -> hookConfig(repo(org, m).hooks, m.group(3), body));
        server.route("PATCH", "/orgs/([^/]+)/hooks/(\\d+)/config", 200, (m, body) -> {
            owner(org, m.group(1));
            return hookConfig(org.orgHooks, m.group(2), body);
        });
        server.route("DELETE", REPO + "/keys/(\\d+)", 204, (m, body) -> {
            List<ObjectNode> keys = repo(org, m).keys;
            if (!keys.removeIf(k -> k.path("id").asString().equals(m.group(3)))) {
                throw new IllegalArgumentException("Not Found");
            }
            return null;
        });
    }

    private static void owner(GitHubTestOrg org, String login) {
        if (!GitHubTestOrg.LOGIN.equals(login)) {
            throw new IllegalArgumentException("Not Found");
        }
    }

    private static GitHubTestOrg.Repo repo(GitHubTestOrg org, Matcher m) {
        owner(org, m.group(1));
        GitHubTestOrg.Repo repo = org.repos.get(m.group(2));
        if (repo == null) {
            throw new IllegalArgumentException("Not Found");
        }
        return repo;
    }

    /** GitHub requires the four top-level fields (null allowed) and answers the protection as GET does. */
    private static JsonNode protect(GitHubTestOrg org, Matcher m, JsonNode body) {
        GitHubTestOrg.Repo repo = repo(org, m);
        for (String required : List.of("required_status_checks", "enforce_admins", "required_pull_request_reviews",
                "restrictions")) {
            if (!body.has(required)) {
                throw new IllegalArgumentException("Invalid request: " + required + " wasn't supplied");
            }
        }
        ObjectNode p = Json.object().put("url", org.base + "/repos/" + GitHubTestOrg.LOGIN + "/" + repo.name()
                + "/branches/" + m.group(3) + "/protection");
        JsonNode reviews = body.get("required_pull_request_reviews");
        if (reviews != null && reviews.isObject()) {
            p.putObject("required_pull_request_reviews")
                    .put("dismiss_stale_reviews", reviews.path("dismiss_stale_reviews").asBoolean(false))
                    .put("require_code_owner_reviews", reviews.path("require_code_owner_reviews").asBoolean(false))
                    .put("require_last_push_approval", reviews.path("require_last_push_approval").asBoolean(false))
                    .put("required_approving_review_count", reviews.path("required_approving_review_count").asInt(1));
        }
        JsonNode checks = body.get("required_status_checks");
        if (checks != null && checks.isObject()) {
            p.set("required_status_checks", checks.deepCopy());
        }
        p.putObject("enforce_admins").put("enabled", body.path("enforce_admins").asBoolean(false));
        for (String setting : List.of("required_signatures", "required_linear_history", "allow_force_pushes",
                "allow_deletions", "required_conversation_resolution", "lock_branch")) {
            p.putObject(setting).put("enabled", body.path(setting).asBoolean(false));
        }
        repo.protection = p;
        return p;
    }

    /**
     * A repository ruleset as GitHub creates it: name (unique in the repository), target, enforcement, the
     * ref conditions and rules (types checked), bypass actors; answered with its id and source.
     */
    private static JsonNode createRuleset(GitHubTestOrg org, GitHubTestOrg.Repo repo, JsonNode body) {
        String name = body.path("name").asString("");
        if (name.isBlank() || repo.rulesets.stream().anyMatch(r -> r.path("name").asString().equals(name))) {
            throw new IllegalArgumentException("Validation Failed: name must be present and unique");
        }
        if (!List.of("branch", "tag", "push").contains(body.path("target").asString("branch"))
                || !List.of("active", "evaluate", "disabled").contains(body.path("enforcement").asString())) {
            throw new IllegalArgumentException("Validation Failed: target or enforcement");
        }
        List<String> refs = new java.util.ArrayList<>();
        body.path("conditions").path("ref_name").path("include").forEach(r -> refs.add(r.asString()));
        List<ObjectNode> rules = new java.util.ArrayList<>();
        for (JsonNode rule : body.path("rules")) {
            String type = rule.path("type").asString("");
            if (!List.of("deletion", "non_fast_forward", "pull_request", "required_signatures", "required_linear_history",
                    "required_status_checks", "creation", "update").contains(type)) {
                throw new IllegalArgumentException("Validation Failed: unknown rule type " + type);
            }
            rules.add((ObjectNode) rule.deepCopy());
        }
        List<ObjectNode> bypass = new java.util.ArrayList<>();
        body.path("bypass_actors").forEach(b -> bypass.add((ObjectNode) b.deepCopy()));
        long id = 900_000 + org.repos.values().stream().mapToLong(r -> r.rulesets.size()).sum()
                + repo.json.path("id").asLong() % 1000 * 100;
        ObjectNode ruleset = GitHubTestOrg.ruleset(id, name, "Repository", GitHubTestOrg.LOGIN + "/" + repo.name(),
                body.path("target").asString("branch"), body.path("enforcement").asString(), refs, null, rules, bypass);
        repo.rulesets.add(ruleset);
        return ruleset.deepCopy();
    }

    private static void workflow(ObjectNode workflow, JsonNode body) {
        JsonNode permissions = body.get("default_workflow_permissions");
        if (permissions != null) {
            if (!List.of("read", "write").contains(permissions.asString())) {
                throw new IllegalArgumentException("Invalid default_workflow_permissions");
            }
            workflow.put("default_workflow_permissions", permissions.asString());
        }
        JsonNode approve = body.get("can_approve_pull_request_reviews");
        if (approve != null) {
            workflow.put("can_approve_pull_request_reviews", approve.asBoolean());
        }
    }

    private static JsonNode hookConfig(List<ObjectNode> hooks, String id, JsonNode body) {
        ObjectNode hook = hooks.stream().filter(h -> h.path("id").asString().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Not Found"));
        ObjectNode config = (ObjectNode) hook.get("config");
        JsonNode insecure = body.get("insecure_ssl");
        if (insecure != null) {
            if (!List.of("0", "1").contains(insecure.asString())) {
                throw new IllegalArgumentException("Invalid insecure_ssl");
            }
            config.put("insecure_ssl", insecure.asString());
        }
        ObjectNode answer = config.deepCopy();
        if (answer.has("secret")) {
            answer.put("secret", "********");
        }
        return answer;
    }
}
