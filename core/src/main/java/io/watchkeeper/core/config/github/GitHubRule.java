package io.watchkeeper.core.config.github;

import java.util.Map;

/**
 * One ruleset rule ({@code pull_request}, {@code non_fast_forward}, {@code deletion},
 * {@code required_signatures}, {@code required_status_checks}...), with its parameters flattened
 * to text ({@code required_approving_review_count=2}; lists joined with commas, status checks by
 * context), and, for rules that apply to a branch, the ruleset they come from.
 *
 * @param type the rule type
 * @param parameters its parameters, by name
 * @param rulesetId the ruleset, or null inside a ruleset's own record
 * @param rulesetSourceType Organization or Repository, or null inside a ruleset
 * @param rulesetSource the organisation or repository that owns the ruleset, or null inside a ruleset
 */
public record GitHubRule(String type, Map<String, String> parameters, Long rulesetId, String rulesetSourceType,
                         String rulesetSource) {}
