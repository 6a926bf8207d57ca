package io.watchkeeper.core.config.github;

import io.watchkeeper.core.json.Ephemeral;
import java.time.Instant;
import java.util.List;

/**
 * A repository's deployment environment ({@code github.environment}) and its protection rules.
 *
 * @param repository the repository's name
 * @param name the environment's name
 * @param id its id
 * @param canAdminsBypass administrators may bypass the protection rules
 * @param requiredReviewers who must approve deployments ({@code User:alice}, {@code Team:platform}), sorted;
 *     empty when no review is required
 * @param preventSelfReview whoever triggers a deployment cannot approve it
 * @param waitTimerMinutes minutes to wait before deploying, 0 when none
 * @param otherRules other protection rule types (custom deployment protection rules), sorted
 * @param protectedBranchesOnly deployments only from protected branches (null: any branch)
 * @param customBranchPolicies deployments only from branches matching the environment's policies
 * @param createdAt creation time
 * @param updatedAt last change (ephemeral)
 */
public record GitHubEnvironmentConfig(String repository, String name, long id, Boolean canAdminsBypass,
                                      List<String> requiredReviewers, boolean preventSelfReview, int waitTimerMinutes,
                                      List<String> otherRules, Boolean protectedBranchesOnly,
                                      Boolean customBranchPolicies, Instant createdAt, @Ephemeral Instant updatedAt) {}
