package io.watchkeeper.watchers.github;

import io.watchkeeper.core.config.github.GitHubBranchProtectionConfig.Classic;
import io.watchkeeper.core.config.github.GitHubBranchProtectionConfig.Effective;
import io.watchkeeper.core.config.github.GitHubRule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/** Classic branch protection read from GitHub's JSON, and combined with ruleset rules. */
final class EffectiveProtection {

    private EffectiveProtection() {}

    static Classic classic(JsonNode p) {
        JsonNode reviews = p.get("required_pull_request_reviews");
        JsonNode checks = p.get("required_status_checks");
        List<String> contexts = null;
        if (checks != null && checks.isObject()) {
            TreeSet<String> names = new TreeSet<>(Fields.strings(checks, "contexts"));
            JsonNode detailed = checks.get("checks");
            if (detailed != null && detailed.isArray()) {
                detailed.forEach(c -> {
                    String context = Fields.text(c, "context");
                    if (context != null) {
                        names.add(context);
                    }
                });
            }
            contexts = List.copyOf(names);
        }
        boolean hasReviews = reviews != null && reviews.isObject();
        JsonNode restrictions = p.get("restrictions");
        return new Classic(
                hasReviews ? Math.toIntExact(Objects.requireNonNullElse(Fields.number(reviews, "required_approving_review_count"), 0L))
                        : null,
                hasReviews ? Fields.isTrue(reviews, "dismiss_stale_reviews") : null,
                hasReviews ? Fields.isTrue(reviews, "require_code_owner_reviews") : null,
                hasReviews ? Fields.isTrue(reviews, "require_last_push_approval") : null,
                hasReviews ? reviews.get("dismissal_restrictions") != null && reviews.get("dismissal_restrictions").isObject()
                        : null,
                hasReviews ? allowances(reviews.get("bypass_pull_request_allowances")) : List.of(),
                contexts, checks != null && checks.isObject() ? Fields.isTrue(checks, "strict") : null,
                enabled(p, "enforce_admins"), enabled(p, "required_signatures"), enabled(p, "required_linear_history"),
                enabled(p, "allow_force_pushes"), enabled(p, "allow_deletions"),
                enabled(p, "required_conversation_resolution"), enabled(p, "lock_branch"),
                restrictions != null && restrictions.isObject());
    }

    static Effective of(Classic classic, List<GitHubRule> rules) {
        int reviews = classic != null && classic.requiredApprovingReviewCount() != null
                ? classic.requiredApprovingReviewCount() : 0;
        boolean pullRequest = classic != null && classic.requiredApprovingReviewCount() != null;
        boolean stale = classic != null && Boolean.TRUE.equals(classic.dismissStaleReviews());
        boolean codeOwner = classic != null && Boolean.TRUE.equals(classic.requireCodeOwnerReviews());
        boolean lastPush = classic != null && Boolean.TRUE.equals(classic.requireLastPushApproval());
        TreeSet<String> checks = new TreeSet<>(classic != null && classic.requiredStatusChecks() != null
                ? classic.requiredStatusChecks() : List.of());
        boolean noForce = classic != null && !classic.allowForcePushes();
        boolean noDelete = classic != null && !classic.allowDeletions();
        boolean signatures = classic != null && classic.requiredSignatures();
        boolean linear = classic != null && classic.requiredLinearHistory();
        TreeSet<Long> rulesets = new TreeSet<>();
        for (GitHubRule rule : rules) {
            if (rule.rulesetId() != null) {
                rulesets.add(rule.rulesetId());
            }
            Map<String, String> p = rule.parameters();
            switch (String.valueOf(rule.type())) {
                case "pull_request" -> {
                    pullRequest = true;
                    reviews = Math.max(reviews, integer(p.get("required_approving_review_count")));
                    stale |= "true".equals(p.get("dismiss_stale_reviews_on_push"));
                    codeOwner |= "true".equals(p.get("require_code_owner_review"));
                    lastPush |= "true".equals(p.get("require_last_push_approval"));
                }
                case "required_status_checks" -> {
                    String listed = p.get("required_status_checks");
                    if (listed != null && !listed.isBlank()) {
                        checks.addAll(Arrays.asList(listed.split(",")));
                    }
                }
                case "non_fast_forward" -> noForce = true;
                case "deletion" -> noDelete = true;
                case "required_signatures" -> signatures = true;
                case "required_linear_history" -> linear = true;
                default -> { }
            }
        }
        return new Effective(classic != null || !rules.isEmpty(), reviews, pullRequest, stale, codeOwner, lastPush,
                List.copyOf(checks), noForce, noDelete, signatures, linear, classic != null && classic.enforceAdmins(),
                List.copyOf(rulesets));
    }

    private static List<String> allowances(JsonNode a) {
        List<String> out = new ArrayList<>();
        if (a != null && a.isObject()) {
            for (String kind : List.of("users", "teams", "apps")) {
                JsonNode list = a.get(kind);
                if (list != null && list.isArray()) {
                    String key = kind.equals("users") ? "login" : "slug";
                    list.forEach(x -> out.add(kind.substring(0, kind.length() - 1) + ":" + Fields.text(x, key)));
                }
            }
        }
        out.sort(null);
        return List.copyOf(out);
    }

    private static boolean enabled(JsonNode p, String field) {
        return Fields.isTrue(p.get(field), "enabled");
    }

    private static int integer(String value) {
        try {
            return value == null ? 0 : Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
