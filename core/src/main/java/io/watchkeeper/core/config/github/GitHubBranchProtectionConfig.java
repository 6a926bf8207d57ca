package io.watchkeeper.core.config.github;

import java.util.List;

/**
 * The protection of a repository's default branch ({@code github.branch-protection}): classic
 * branch protection ({@code GET …/branches/{branch}/protection}) and the ruleset rules that apply
 * to the branch ({@code GET …/rules/branches/{branch}}, repository and organisation rulesets), and
 * the effective protection of both together — what checks read: a ruleset that protects the branch
 * counts as protection.
 *
 * @param repository the repository's name
 * @param branch the default branch
 * @param archived whether the repository is archived (checks exempt archived repositories)
 * @param classic classic branch protection, null when the branch has none
 * @param rules active ruleset rules on the branch, sorted by type and ruleset
 * @param effective classic protection and rules together
 * @param notOffered "classic" and/or "rulesets" when the plan does not offer them for this
 *     repository (private repositories on the free plan): not applicable, not unprotected
 * @param organizationRulesets true when the organisation has rulesets (it protects branches with rulesets, so a
 *     remediation adds a repository ruleset rather than classic protection); null otherwise (never false, so
 *     that configurations stored before this field keep their hash)
 */
public record GitHubBranchProtectionConfig(String repository, String branch, boolean archived, Classic classic,
                                           List<GitHubRule> rules, Effective effective, List<String> notOffered,
                                           Boolean organizationRulesets) {

    /**
     * Classic branch protection.
     *
     * @param requiredApprovingReviewCount approvals required, null when reviews are not required
     * @param dismissStaleReviews approvals are dismissed by new commits
     * @param requireCodeOwnerReviews code owners must approve
     * @param requireLastPushApproval the last push must be approved by someone else
     * @param dismissalRestricted only some people may dismiss reviews
     * @param bypassPullRequestAllowances people, teams and apps that may merge without the required reviews
     * @param requiredStatusChecks status check contexts required, sorted; null when none are required
     * @param strictStatusChecks branches must be up to date before merging
     * @param enforceAdmins the rules apply to administrators too
     * @param requiredSignatures commits must be signed
     * @param requiredLinearHistory no merge commits
     * @param allowForcePushes force pushes allowed
     * @param allowDeletions the branch may be deleted
     * @param requiredConversationResolution conversations must be resolved
     * @param lockBranch read-only branch
     * @param pushRestricted only some people, teams or apps may push
     */
    public record Classic(Integer requiredApprovingReviewCount, Boolean dismissStaleReviews,
                          Boolean requireCodeOwnerReviews, Boolean requireLastPushApproval, Boolean dismissalRestricted,
                          List<String> bypassPullRequestAllowances, List<String> requiredStatusChecks,
                          Boolean strictStatusChecks, boolean enforceAdmins, boolean requiredSignatures,
                          boolean requiredLinearHistory, boolean allowForcePushes, boolean allowDeletions,
                          boolean requiredConversationResolution, boolean lockBranch, boolean pushRestricted) {}

    /**
     * Classic protection and ruleset rules combined: the strongest requirement of either.
     *
     * @param protectedBranch some protection applies (classic, or an active ruleset rule)
     * @param requiredApprovingReviewCount approvals required (0 when pull requests are not required)
     * @param pullRequestRequired changes must go through a pull request
     * @param dismissStaleReviews stale approvals are dismissed
     * @param requireCodeOwnerReview code owners must approve
     * @param requireLastPushApproval the last push needs someone else's approval
     * @param requiredStatusChecks status checks required, sorted
     * @param forcePushesBlocked force pushes are blocked
     * @param deletionsBlocked the branch cannot be deleted
     * @param signaturesRequired commits must be signed
     * @param linearHistoryRequired merge commits are refused
     * @param adminsEnforced classic protection applies to administrators (rulesets: see their bypass actors)
     * @param rulesetIds the rulesets that contribute, sorted
     */
    public record Effective(boolean protectedBranch, int requiredApprovingReviewCount, boolean pullRequestRequired,
                            boolean dismissStaleReviews, boolean requireCodeOwnerReview, boolean requireLastPushApproval,
                            List<String> requiredStatusChecks, boolean forcePushesBlocked, boolean deletionsBlocked,
                            boolean signaturesRequired, boolean linearHistoryRequired, boolean adminsEnforced,
                            List<Long> rulesetIds) {}
}
