package io.watchkeeper.benchmarks;

import io.watchkeeper.watchers.testing.GitHubTestOrg;
import io.watchkeeper.watchers.testing.GitHubTestOrg.Member;
import io.watchkeeper.watchers.testing.GitHubTestOrg.Repo;
import io.watchkeeper.watchers.testing.GitHubTestOrg.Team;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import tools.jackson.databind.node.ObjectNode;

/**
 * Changes to the benchmark's GitHub organisation, each a durable change of exactly one watched item,
 * as GitHub would show it (a repository setting with a new {@code updated_at}, a webhook switched on
 * or off, a classic protection setting, a member's role, a team's privacy).
 */
final class GitHubChanges {

    private GitHubChanges() {}

    private record Change(String kind, Runnable apply) {}

    /** Applies {@code count} distinct changes chosen by {@code seed}; returns how many per kind. */
    static Map<String, Integer> apply(GitHubTestOrg org, int count, long seed, String updatedAt) {
        List<Change> candidates = new ArrayList<>();
        synchronized (org) {
            for (Repo repo : org.repos.values()) {
                if (!repo.name().startsWith("svc-")) {
                    continue;
                }
                candidates.add(new Change("repository", () -> {
                    ObjectNode json = repo.json;
                    json.put("allow_forking", !json.path("allow_forking").asBoolean()).put("updated_at", updatedAt);
                }));
                for (ObjectNode hook : repo.hooks) {
                    candidates.add(new Change("webhook", () -> hook.put("active", !hook.path("active").asBoolean())
                            .put("updated_at", updatedAt)));
                }
                if (repo.protection != null) {
                    ObjectNode protection = repo.protection;
                    candidates.add(new Change("branch-protection", () -> {
                        ObjectNode enforce = (ObjectNode) protection.get("enforce_admins");
                        enforce.put("enabled", !enforce.path("enabled").asBoolean());
                    }));
                }
            }
            for (Map.Entry<String, Member> e : org.members.entrySet()) {
                String login = e.getKey();
                candidates.add(new Change("member", () -> {
                    Member m = org.members.get(login);
                    org.members.put(login, new Member(m.user(), m.role().equals("admin") ? "member" : "admin",
                            m.twoFactorDisabled()));
                }));
            }
            for (Team team : org.teams.values()) {
                candidates.add(new Change("team", () -> {
                    ObjectNode json = (ObjectNode) team.json();
                    json.put("privacy", "secret".equals(json.path("privacy").asString()) ? "closed" : "secret");
                }));
            }
            if (count > candidates.size()) {
                throw new IllegalArgumentException(count + " changes asked, " + candidates.size() + " possible");
            }
            Collections.shuffle(candidates, new Random(seed));
            Map<String, Integer> applied = new TreeMap<>();
            for (Change change : candidates.subList(0, count)) {
                change.apply().run();
                applied.merge(change.kind(), 1, Integer::sum);
            }
            return applied;
        }
    }
}
