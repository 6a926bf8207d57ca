package io.watchkeeper.watchers.testing;

import io.watchkeeper.core.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The synthetic organisation {@value #LOGIN} served by {@link GitHubTestServer}: built from recorded
 * GitHub answers (hub4j's recordings, see {@code github/recorded/NOTICE.md}) and GitHub's REST
 * reference, coherent across endpoints (the repository listing, each repository's settings, teams'
 * and collaborators' permissions, rulesets and the rules they put on default branches). Tests change
 * it through the public fields ({@code synchronized} on this object) or move it to its second state
 * ({@link #secondState()}). Every JSON value here is served as GitHub would.
 */
public final class GitHubTestOrg {

    public static final String LOGIN = "acme-corp";
    public static final long ID = 9_001_001;

    /** One repository and what hangs off it. */
    public static final class Repo {
        public final ObjectNode json;
        /** Classic protection of the default branch, or null ("Branch not protected"). */
        public ObjectNode protection;
        public final List<ObjectNode> rulesets = new ArrayList<>();
        public final List<ObjectNode> hooks = new ArrayList<>();
        public final List<ObjectNode> keys = new ArrayList<>();
        public final List<ObjectNode> environments = new ArrayList<>();
        /** Outside collaborators: login to permission (admin, maintain, push, triage, pull). */
        public final Map<String, String> outside = new LinkedHashMap<>();
        public final List<String> rootFiles = new ArrayList<>();
        public final List<String> githubFiles = new ArrayList<>();
        public ObjectNode actions = Json.object().put("enabled", true).put("allowed_actions", "all");
        public ObjectNode selectedActions;
        public ObjectNode workflow = Json.object().put("default_workflow_permissions", "read")
                .put("can_approve_pull_request_reviews", false);
        public boolean vulnerabilityAlerts;
        public Boolean privateVulnerabilityReporting;

        Repo(ObjectNode json) {
            this.json = json;
        }

        public String name() {
            return json.get("name").asString();
        }
    }

    /** A member: its user object and role. */
    public record Member(ObjectNode user, String role, boolean twoFactorDisabled) {}

    /** A team and its repository permissions (name to permission). */
    public record Team(ObjectNode json, Map<String, String> repos) {}

    public final String base;
    public final ObjectNode org;
    public final Map<String, Member> members = new LinkedHashMap<>();
    public final Map<String, ObjectNode> outsideCollaborators = new LinkedHashMap<>();
    public final List<String> outsideWithoutTwoFactor = new ArrayList<>();
    public final Map<String, Team> teams = new LinkedHashMap<>();
    public final Map<String, Repo> repos = new LinkedHashMap<>();
    public final List<ObjectNode> orgHooks = new ArrayList<>();
    public final List<ObjectNode> orgRulesets = new ArrayList<>();
    public ObjectNode orgActions = Json.object().put("enabled_repositories", "all").put("allowed_actions", "selected")
            .put("sha_pinning_required", false);
    public ObjectNode orgSelectedActions = Json.object().put("github_owned_allowed", true).put("verified_allowed", true);
    public ObjectNode orgWorkflow = Json.object().put("default_workflow_permissions", "read")
            .put("can_approve_pull_request_reviews", false);
    public final List<ObjectNode> runnerGroups = new ArrayList<>();
    public final List<ObjectNode> installations = new ArrayList<>();
    /** SAML single sign-on: the credential-authorizations endpoint answers only when this is on. */
    public boolean samlSso;
    private long nextId = 700_000;
    private long nextRepoId = 800_001;

    GitHubTestOrg(String base) {
        this.base = base;
        org = (ObjectNode) template("organization.json").replace("hub4j-test-org", LOGIN).replace("7544739", "" + ID).json();
        org.put("name", "Acme Corp").put("two_factor_requirement_enabled", false)
                .put("default_repository_permission", "write").put("members_can_create_repositories", true)
                .put("members_can_create_public_repositories", true).put("members_can_create_private_repositories", true)
                .put("members_can_create_internal_repositories", false).put("members_can_delete_repositories", true)
                .put("members_can_change_repo_visibility", false).put("members_can_fork_private_repositories", true)
                .put("members_can_invite_outside_collaborators", true).put("is_verified", false)
                .put("updated_at", "2026-11-01T10:00:00Z");
        ((ObjectNode) org.get("plan")).put("name", "team").put("filled_seats", 6);
        member("alice", "admin", false);
        member("bob", "member", true);
        member("carol", "member", false);
        member("dave", "admin", true);
        outsideCollaborators.put("eve", user("eve"));
        outsideCollaborators.put("frank", user("frank"));
        outsideWithoutTwoFactor.add("eve");
        buildRepos();
        team("platform", "closed", null, Map.of("web", "admin", "api", "push"));
        team("platform-oncall", "closed", "platform", Map.of("api", "triage"));
        team("security", "secret", null, Map.of("web", "pull", "api", "pull", "docs", "pull"));
        orgHooks.add(hook("https://hooks.example.com/acme/T000/B000/secretpath", true, false, "push", "pull_request"));
        orgRulesets.add(ruleset(201, "org-signatures", "Organization", LOGIN, "branch", "active",
                List.of("~DEFAULT_BRANCH"), List.of("api"), List.of(rule("required_signatures", null)),
                List.of(bypass("OrganizationAdmin", null, "always"))));
        orgRulesets.add(ruleset(202, "release-tags", "Organization", LOGIN, "tag", "evaluate", List.of("~ALL"),
                List.of("~ALL"), List.of(rule("deletion", null)), List.of()));
        orgSelectedActions.set("patterns_allowed", array("actions/*", LOGIN + "/*"));
        runnerGroups.add(Json.object().put("id", 1).put("name", "Default").put("visibility", "all").put("default", true)
                .put("allows_public_repositories", false).put("restricted_to_workflows", false).put("inherited", false));
        runnerGroups.add(Json.object().put("id", 2).put("name", "public-runners").put("visibility", "all")
                .put("default", false).put("allows_public_repositories", true).put("restricted_to_workflows", false)
                .put("inherited", false));
        // every permission the watchers need but actions (environments): accounts test names it
        installations.add(installation(GitHubTestServer.INSTALLATION_ID, GitHubTestServer.APP_ID, "watchkeeper-test", "all",
                Map.of("members", "read", "metadata", "read", "organization_administration", "read",
                        "administration", "read", "contents", "read", "vulnerability_alerts", "read",
                        "organization_hooks", "read", "repository_hooks", "read",
                        "organization_self_hosted_runners", "read")));
        installations.add(installation(78, 5151, "ci-bot", "all", Map.of("contents", "write", "administration", "write",
                "metadata", "read")));
    }

    private void buildRepos() {
        Repo web = repo("web", "public", "2026-11-30T08:00:00Z");
        web.protection = (ObjectNode) template("branch-protection.json")
                .replace("hub4j-test-org/temp-testEnableBranchProtections", LOGIN + "/web").json();
        securityAndAnalysis(web, "enabled");
        web.vulnerabilityAlerts = true;
        web.privateVulnerabilityReporting = true;
        web.rootFiles.addAll(List.of("README.md", "SECURITY.md", "src"));
        ObjectNode recordedHook = (ObjectNode) template("hook.json").replace("hub4j-test-org/github-api", LOGIN + "/web").json();
        web.hooks.add(recordedHook);
        for (JsonNode key : template("deploy-keys.json").json()) {
            web.keys.add((ObjectNode) key);
        }
        web.actions.put("allowed_actions", "all");
        web.workflow.put("default_workflow_permissions", "write").put("can_approve_pull_request_reviews", true);
        web.environments.add(environment("production", true, 30, true));
        web.environments.add(environment("staging", false, 0, false));
        web.outside.put("eve", "push");

        Repo api = repo("api", "private", "2026-11-29T08:00:00Z");
        api.rulesets.add(ruleset(101, "api-main", "Repository", LOGIN + "/api", "branch", "active",
                List.of("~DEFAULT_BRANCH"), null, List.of(
                        rule("pull_request", Json.object().put("required_approving_review_count", 1)
                                .put("dismiss_stale_reviews_on_push", true).put("require_code_owner_review", false)
                                .put("require_last_push_approval", false).put("required_review_thread_resolution", false)),
                        rule("non_fast_forward", null), rule("deletion", null)),
                List.of(bypass("RepositoryRole", 5L, "always"))));
        securityAndAnalysis(api, "disabled");
        api.rootFiles.addAll(List.of(".github", "README.md", "cmd"));
        api.githubFiles.addAll(List.of("SECURITY.md", "workflows"));
        api.hooks.add(hook("https://ci.example.com/hook?token=abc123", true, true, "push"));
        api.keys.add(key(31, "api-readonly", true));
        api.actions.put("allowed_actions", "selected");
        api.selectedActions = Json.object().put("github_owned_allowed", true).put("verified_allowed", false);
        api.selectedActions.set("patterns_allowed", array(LOGIN + "/*"));

        Repo docs = repo("docs", "public", "2026-10-01T08:00:00Z");
        docs.rootFiles.addAll(List.of("README.md", "index.md"));
        docs.privateVulnerabilityReporting = false;
        docs.outside.put("frank", "pull");

        Repo legacy = repo("legacy", "private", "2019-03-01T08:00:00Z");
        legacy.json.put("archived", true);
        legacy.protection = minimalProtection("legacy");
        legacy.rootFiles.add("README.md");

        Repo fork = repo("tools-fork", "public", "2026-06-01T08:00:00Z");
        fork.json.put("fork", true);
        fork.rootFiles.add("README.md");
        fork.privateVulnerabilityReporting = false;

        Repo dotGithub = repo(".github", "public", "2026-01-01T08:00:00Z");
        dotGithub.rootFiles.addAll(List.of("SECURITY.md", "profile"));
        dotGithub.privateVulnerabilityReporting = false;

        Repo empty = repo("empty", "private", null);
        empty.json.put("size", 0);
    }

    /**
     * The second state, for history: modified (2FA required, bob an owner, the web hook moved to https,
     * api's ruleset needs 2 approvals, the security team closed, web's pushed_at — ephemeral only),
     * deleted (tools-fork, web's write deploy key, carol, web's staging environment) and created
     * (new-service, a second organisation hook, grace).
     */
    public synchronized void secondState() {
        org.put("two_factor_requirement_enabled", true);
        members.put("bob", new Member(members.get("bob").user(), "admin", true));
        ObjectNode webHook = repos.get("web").hooks.get(0);
        ((ObjectNode) webHook.get("config")).put("url", "https://www.example.org/hook");
        ObjectNode pr = (ObjectNode) repos.get("api").rulesets.get(0).get("rules").get(0).get("parameters");
        pr.put("required_approving_review_count", 2);
        ((ObjectNode) teams.get("security").json()).put("privacy", "closed");
        repos.get("web").json.put("pushed_at", "2026-12-06T09:00:00Z");
        repos.remove("tools-fork");
        repos.get("web").keys.removeIf(k -> !k.get("read_only").asBoolean());
        members.remove("carol");
        repos.get("web").environments.removeIf(e -> e.get("name").asString().equals("staging"));
        Repo created = repo("new-service", "private", "2026-12-06T10:00:00Z");
        created.rootFiles.add("README.md");
        orgHooks.add(hook("https://audit.example.com/in", true, false, "repository"));
        member("grace", "member", false);
    }

    /**
     * Grows the organisation for benchmarks: {@code repositories} more repositories (every fifth public,
     * every third with classic protection, one webhook and one deploy key each), {@code members} more
     * members (every tenth without 2FA) and {@code teams} more teams (each with five repositories).
     */
    public synchronized void scale(int repositories, int members, int teams) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < repositories; i++) {
            String name = String.format("svc-%04d", i);
            Repo r = repo(name, i % 5 == 0 ? "public" : "private", "2026-11-" + String.format("%02d", 1 + i % 28) + "T08:00:00Z");
            securityAndAnalysis(r, i % 2 == 0 ? "enabled" : "disabled");
            r.rootFiles.add("README.md");
            if (i % 3 == 0) {
                r.protection = minimalProtection(name);
            }
            if (i % 5 == 0) {
                r.privateVulnerabilityReporting = i % 10 == 0;
            }
            r.hooks.add(hook("https://ci.example.com/" + name, true, true, "push"));
            r.keys.add(key(1_000_000 + i, name + "-deploy", i % 4 != 0));
            names.add(name);
        }
        for (int i = 0; i < members; i++) {
            member(String.format("user-%04d", i), i % 50 == 0 ? "admin" : "member", i % 10 == 0);
        }
        for (int i = 0; i < teams; i++) {
            Map<String, String> permissions = new LinkedHashMap<>();
            for (int j = 0; j < 5 && !names.isEmpty(); j++) {
                permissions.put(names.get((i * 5 + j) % names.size()), j == 0 ? "admin" : "push");
            }
            team(String.format("team-%03d", i), i % 2 == 0 ? "closed" : "secret", null, permissions);
        }
    }

    // ---- builders ------------------------------------------------------------------------------

    private Repo repo(String name, String visibility, String pushedAt) {
        long id = nextRepoId++;
        ObjectNode json = (ObjectNode) template("repository.json").replace("ihrigb/node-doorbird", LOGIN + "/" + name)
                .replace("node-doorbird", name).replace("\"ihrigb\"", "\"" + LOGIN + "\"").json();
        json.put("id", id).put("visibility", visibility).put("private", !"public".equals(visibility))
                .put("archived", false).put("fork", false).put("default_branch", "main").put("size", 120)
                .put("allow_forking", true).put("web_commit_signoff_required", false).put("is_template", false)
                .put("updated_at", "2026-11-01T10:00:00Z").put("created_at", "2020-01-01T00:00:00Z");
        json.remove("security_and_analysis");
        if (pushedAt != null) {
            json.put("pushed_at", pushedAt);
        }
        ((ObjectNode) json.get("owner")).put("login", LOGIN).put("id", ID).put("type", "Organization");
        Repo repo = new Repo(json);
        repos.put(name, repo);
        return repo;
    }

    private static void securityAndAnalysis(Repo repo, String status) {
        ObjectNode s = repo.json.putObject("security_and_analysis");
        for (String feature : List.of("advanced_security", "secret_scanning", "secret_scanning_push_protection",
                "secret_scanning_non_provider_patterns", "secret_scanning_validity_checks", "dependabot_security_updates")) {
            s.putObject(feature).put("status", status);
        }
    }

    private ObjectNode minimalProtection(String repo) {
        ObjectNode p = Json.object().put("url", base + "/repos/" + LOGIN + "/" + repo + "/branches/main/protection");
        for (String setting : List.of("enforce_admins", "required_signatures", "required_linear_history",
                "allow_force_pushes", "allow_deletions", "required_conversation_resolution", "lock_branch")) {
            p.putObject(setting).put("enabled", false);
        }
        return p;
    }

    private void member(String login, String role, boolean twoFactorDisabled) {
        members.put(login, new Member(user(login), role, twoFactorDisabled));
    }

    /** A user object shaped like the recorded ones. */
    public ObjectNode user(String login) {
        JsonNode recorded = template("members.json").json().get(0);
        String old = recorded.get("login").asString();
        ObjectNode user = (ObjectNode) Json.parse(recorded.toString().replace("/" + old, "/" + login));
        return user.put("login", login).put("id", 100_000 + Math.abs(login.hashCode() % 100_000));
    }

    private void team(String slug, String privacy, String parent, Map<String, String> repoPermissions) {
        ObjectNode json = (ObjectNode) template("teams.json").json().get(0).deepCopy();
        json.put("slug", slug).put("name", slug).put("id", 300_000 + teams.size()).put("privacy", privacy)
                .put("notification_setting", "notifications_enabled").put("permission", "pull");
        if (parent != null) {
            json.set("parent", teams.get(parent).json().deepCopy());
        }
        teams.put(slug, new Team(json, new LinkedHashMap<>(repoPermissions)));
    }

    private ObjectNode hook(String url, boolean active, boolean withSecret, String... events) {
        ObjectNode h = (ObjectNode) template("hook.json").json();
        long id = nextId++;
        h.put("id", id).put("active", active).set("events", array(events));
        ObjectNode config = Json.object().put("url", url).put("content_type", "json").put("insecure_ssl", withSecret ? "1" : "0");
        if (withSecret) {
            config.put("secret", "********");
        }
        h.set("config", config);
        return h;
    }

    private ObjectNode key(long id, String title, boolean readOnly) {
        ObjectNode k = (ObjectNode) template("deploy-keys.json").json().get(0);
        return k.put("id", id).put("title", title).put("read_only", readOnly);
    }

    private ObjectNode environment(String name, boolean reviewers, int waitMinutes, boolean protectedBranches) {
        ObjectNode e = Json.object().put("id", nextId++).put("name", name).put("can_admins_bypass", true)
                .put("created_at", "2025-01-01T00:00:00Z").put("updated_at", "2026-01-01T00:00:00Z");
        ArrayNode rules = e.putArray("protection_rules");
        if (reviewers) {
            ObjectNode r = rules.addObject().put("id", nextId++).put("type", "required_reviewers").put("prevent_self_review", true);
            r.putArray("reviewers").addObject().put("type", "Team").set("reviewer", Json.object().put("slug", "platform"));
        }
        if (waitMinutes > 0) {
            rules.addObject().put("id", nextId++).put("type", "wait_timer").put("wait_timer", waitMinutes);
        }
        if (protectedBranches) {
            e.set("deployment_branch_policy", Json.object().put("protected_branches", true).put("custom_branch_policies", false));
        } else {
            e.putNull("deployment_branch_policy");
        }
        return e;
    }

    private ObjectNode installation(long id, long appId, String slug, String selection, Map<String, String> permissions) {
        ObjectNode i = (ObjectNode) template("app-installations.json").replace("hub4j-test-org", LOGIN)
                .replace("7544739", "" + ID).json().get(0);
        i.put("id", id).put("app_id", appId).put("app_slug", slug).put("repository_selection", selection)
                .put("access_tokens_url", base + "/app/installations/" + id + "/access_tokens");
        ObjectNode p = i.putObject("permissions");
        permissions.forEach(p::put);
        return i;
    }

    static ObjectNode ruleset(long id, String name, String sourceType, String source, String target, String enforcement,
                              List<String> refs, List<String> repositories, List<ObjectNode> rules, List<ObjectNode> bypass) {
        ObjectNode r = Json.object().put("id", id).put("name", name).put("source_type", sourceType).put("source", source)
                .put("target", target).put("enforcement", enforcement).put("updated_at", "2026-10-01T00:00:00Z");
        ObjectNode conditions = r.putObject("conditions");
        conditions.putObject("ref_name").set("include", array(refs.toArray(String[]::new)));
        ((ObjectNode) conditions.get("ref_name")).putArray("exclude");
        if (repositories != null) {
            conditions.putObject("repository_name").set("include", array(repositories.toArray(String[]::new)));
            ((ObjectNode) conditions.get("repository_name")).putArray("exclude");
        }
        r.putArray("rules").addAll(rules);
        r.putArray("bypass_actors").addAll(bypass);
        return r;
    }

    static ObjectNode rule(String type, ObjectNode parameters) {
        ObjectNode rule = Json.object().put("type", type);
        if (parameters != null) {
            rule.set("parameters", parameters);
        }
        return rule;
    }

    static ObjectNode bypass(String type, Long id, String mode) {
        ObjectNode b = Json.object().put("actor_type", type).put("bypass_mode", mode);
        return id == null ? b.putNull("actor_id") : b.put("actor_id", id);
    }

    static ArrayNode array(String... values) {
        ArrayNode a = Json.object().arrayNode();
        for (String v : values) {
            a.add(v);
        }
        return a;
    }

    /** A recorded body with its absolute URLs pointing at this server. */
    GitHubRecordings.Template template(String name) {
        return GitHubRecordings.template(name, base);
    }
}
