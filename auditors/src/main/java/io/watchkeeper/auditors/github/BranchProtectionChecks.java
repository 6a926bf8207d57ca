package io.watchkeeper.auditors.github;

import static io.watchkeeper.auditors.github.GitHubFacts.cis;
import static io.watchkeeper.auditors.github.GitHubFacts.cut;
import static io.watchkeeper.auditors.github.GitHubFacts.details;
import static io.watchkeeper.auditors.github.GitHubFacts.lower;
import static io.watchkeeper.auditors.github.GitHubFacts.one;
import static io.watchkeeper.auditors.github.GitHubFacts.present;

import io.watchkeeper.auditors.github.GitHubCheck.Text;
import io.watchkeeper.core.config.github.GitHubBranchProtectionConfig;
import io.watchkeeper.core.config.github.GitHubBranchProtectionConfig.Classic;
import io.watchkeeper.core.config.github.GitHubBranchProtectionConfig.Effective;
import io.watchkeeper.core.config.github.GitHubRulesetConfig;
import io.watchkeeper.core.config.github.GitHubRulesetConfig.BypassActor;
import io.watchkeeper.core.finding.AuditContext;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import io.watchkeeper.core.finding.ParameterSpec;
import io.watchkeeper.core.finding.Severity;
import io.watchkeeper.core.model.ResourceType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The default branch's effective protection ({@code github.branch-protection}): classic protection and
 * the ruleset rules that apply to the branch together, so a ruleset that protects the branch counts.
 * Archived repositories are exempt; a repository whose plan offers neither classic protection nor rulesets
 * is not applicable. One misconfiguration, one finding: an unprotected branch is one finding (which fails
 * every branch control), the detail checks speak only about protected branches, and the review details
 * only when pull requests are required.
 */
final class BranchProtectionChecks {

    static final ResourceType RULESET = ResourceType.of("github.ruleset");

    static final String TOO_FEW_APPROVALS = "github.branch-protection/too-few-approvals";

    /** Approvals CIS GitHub 1.1.3 asks for. */
    static final ParameterSpec MIN_APPROVALS = new ParameterSpec("min-approvals",
            "fewest approving reviews the default branch must require", 2, 1, 10);

    private BranchProtectionChecks() {}

    static List<GitHubCheck<?>> all() {
        return List.of(
                GitHubCheck.of("github.branch-protection/unprotected", GitHubBranchProtectionConfig.class, Severity.HIGH,
                        new Text("Default branch is not protected",
                                "Anyone with write access can push, force-push or delete the branch that is built and"
                                        + " deployed, with no review.",
                                "Protect the default branch with a ruleset (or a classic rule): pull requests with reviews,"
                                        + " no force pushes, no deletion."),
                        cis("1.1.20", "1.1.3", "1.1.4", "1.1.7", "1.1.9", "1.1.12", "1.1.13", "1.1.14", "1.1.16", "1.1.17"),
                        (b, context) -> applicable(b) && !b.effective().protectedBranch()
                                ? one("unprotected", "Branch " + where(b) + " has no protection and no ruleset",
                                        Exposure.INTERNAL, details("branch", b.branch()))
                                : List.of()),
                rule("reviews-not-required", Severity.HIGH, cis("1.1.3"),
                        e -> !e.pullRequestRequired() || e.requiredApprovingReviewCount() <= 0, "reviews",
                        "changes need no approving review", "Default branch does not require approving reviews",
                        "One person (or one stolen token) can put code on the default branch.",
                        "Require a pull request with at least " + MIN_APPROVALS.defaultValue() + " approvals (ruleset"
                                + " 'Require a pull request before merging')."),
                tooFewApprovals(),
                rule("stale-reviews-not-dismissed", Severity.MEDIUM, cis("1.1.4"),
                        e -> reviewed(e) && !e.dismissStaleReviews(), "stale-reviews",
                        "approvals survive new commits", "Default branch keeps approvals after new commits",
                        "Code pushed after the approval is merged unreviewed.",
                        "Enable 'Dismiss stale pull request approvals when new commits are pushed'."),
                rule("code-owner-review-not-required", Severity.LOW, cis("1.1.7"),
                        e -> reviewed(e) && !e.requireCodeOwnerReview(), "code-owners",
                        "code owners need not approve", "Default branch does not require code-owner review",
                        "Changes to sensitive paths (workflows, deployment) need no approval from their owners.",
                        "Enable 'Require review from Code Owners' and keep a CODEOWNERS file."),
                rule("status-checks-not-required", Severity.MEDIUM, cis("1.1.9"),
                        e -> present(e.requiredStatusChecks()).isEmpty(), "status-checks",
                        "no status check must pass", "Default branch requires no status checks",
                        "Code that fails its tests or scans can be merged.",
                        "Enable 'Require status checks to pass' and select the build and security checks."),
                rule("force-push-allowed", Severity.HIGH, cis("1.1.16"),
                        e -> !e.forcePushesBlocked(), "force-push",
                        "force pushes are allowed", "Default branch allows force pushes",
                        "A force push rewrites history: reviewed commits can be replaced and evidence erased.",
                        "Block force pushes (ruleset 'Block force pushes', or clear 'Allow force pushes')."),
                rule("deletion-allowed", Severity.MEDIUM, cis("1.1.17"),
                        e -> !e.deletionsBlocked(), "deletion",
                        "the branch may be deleted", "Default branch may be deleted",
                        "Deleting the default branch loses its protection and disrupts every build.",
                        "Restrict deletions (ruleset 'Restrict deletions', or clear 'Allow deletions')."),
                rule("signed-commits-not-required", Severity.LOW, cis("1.1.12"),
                        e -> !e.signaturesRequired(), "signatures",
                        "unsigned commits are accepted", "Default branch accepts unsigned commits",
                        "Authorship of unsigned commits cannot be verified.",
                        "Enable 'Require signed commits'."),
                rule("linear-history-not-required", Severity.LOW, cis("1.1.13"),
                        e -> !e.linearHistoryRequired(), "linear-history",
                        "merge commits are accepted", "Default branch does not require linear history",
                        "Merge commits make the history harder to review and revert.",
                        "Enable 'Require linear history'."),
                GitHubCheck.of("github.branch-protection/admins-exempt", GitHubBranchProtectionConfig.class, Severity.MEDIUM,
                        new Text("Administrators or bypass actors are exempt from default-branch protection",
                                "Admin accounts are the most targeted; when they may bypass the rules, one of them is"
                                        + " enough to push unreviewed code.",
                                "Classic: enable 'Do not allow bypassing the above settings'; rulesets: remove bypass"
                                        + " actors or limit them to pull requests."),
                        cis("1.1.14"), BranchProtectionChecks::adminsExempt).reading(RULESET));
    }

    /** Fewer approvals than the parameter {@code min-approvals} (2 by default, as CIS asks). */
    private static GitHubCheck<GitHubBranchProtectionConfig> tooFewApprovals() {
        return GitHubCheck.of(TOO_FEW_APPROVALS, GitHubBranchProtectionConfig.class, Severity.LOW,
                new Text("Default branch requires too few approvals",
                        "CIS asks for two reviewers, so one compromised reviewer cannot approve alone.",
                        "Set 'Required approvals' to the configured minimum (parameter min-approvals, 2 by default)"
                                + " or more."),
                cis("1.1.3"), (b, context) -> {
                    long min = context.parameter(TOO_FEW_APPROVALS, MIN_APPROVALS);
                    Effective e = b.effective();
                    return applicable(b) && e.protectedBranch() && e.pullRequestRequired()
                            && e.requiredApprovingReviewCount() > 0 && e.requiredApprovingReviewCount() < min
                            ? one("approvals", "Branch " + where(b) + ": fewer than " + min + " approvals are required",
                                    Exposure.INTERNAL, details("branch", b.branch(), "rulesets",
                                            present(e.rulesetIds()), "minApprovals", min))
                            : List.of();
                }).withParameters(MIN_APPROVALS);
    }

    /** Exempt: archived; not applicable: neither classic protection nor rulesets offered; unreadable: no effective view. */
    static boolean applicable(GitHubBranchProtectionConfig b) {
        if (b.archived() || b.effective() == null) {
            return false;
        }
        List<String> notOffered = present(b.notOffered());
        return !(notOffered.contains("classic") && notOffered.contains("rulesets"));
    }

    private static boolean reviewed(Effective e) {
        return e.pullRequestRequired() && e.requiredApprovingReviewCount() > 0;
    }

    private static String where(GitHubBranchProtectionConfig b) {
        return cut(b.repository(), 100) + ":" + cut(b.branch(), 100);
    }

    /** A detail of a protected branch: evidence {@code key} when {@code bad}. */
    private static GitHubCheck<GitHubBranchProtectionConfig> rule(String name, Severity severity, List<String> controls,
                                                                   Predicate<Effective> bad, String key, String message,
                                                                   String title, String rationale, String remediation) {
        return GitHubCheck.of("github.branch-protection/" + name, GitHubBranchProtectionConfig.class, severity,
                new Text(title, rationale, remediation), controls,
                (b, context) -> applicable(b) && b.effective().protectedBranch() && bad.test(b.effective())
                        ? one(key, "Branch " + where(b) + ": " + message, Exposure.INTERNAL,
                                details("branch", b.branch(), "rulesets", present(b.effective().rulesetIds())))
                        : List.of());
    }

    private static List<Evidence> adminsExempt(GitHubBranchProtectionConfig b, AuditContext context) {
        if (!applicable(b) || !b.effective().protectedBranch()) {
            return List.of();
        }
        List<Evidence> out = new ArrayList<>();
        Classic classic = b.classic();
        if (classic != null && !classic.enforceAdmins()) {
            out.add(new Evidence("classic:enforce-admins", "Branch " + where(b)
                    + ": administrators may bypass the classic protection", Exposure.INTERNAL, details("enforceAdmins", false)));
        }
        List<String> allowances = classic == null ? List.of() : present(classic.bypassPullRequestAllowances());
        if (!allowances.isEmpty()) {
            out.add(new Evidence("classic:bypass-pull-request-allowances", "Branch " + where(b) + ": "
                    + allowances.size() + " actor(s) may merge without the required reviews", Exposure.INTERNAL,
                    details("allowances", allowances.size() > 100 ? allowances.subList(0, 100) : allowances)));
        }
        Set<Long> contributing = Set.copyOf(present(b.effective().rulesetIds()));
        for (AuditContext.Related<GitHubRulesetConfig> related : context.related(RULESET, GitHubRulesetConfig.class)) {
            GitHubRulesetConfig ruleset = related.config();
            if (ruleset == null || !contributing.contains(ruleset.id())) {
                continue;
            }
            List<String> always = present(ruleset.bypassActors()).stream().filter(a -> "always".equals(lower(a.bypassMode())))
                    .map(BranchProtectionChecks::actor).distinct().sorted().toList();
            if (!always.isEmpty()) {
                out.add(new Evidence("ruleset:" + ruleset.id(), "Branch " + where(b) + ": ruleset '" + cut(ruleset.name(), 100)
                        + "' may be bypassed by " + cut(String.join(", ", always), 200), Exposure.INTERNAL,
                        details("ruleset", ruleset.id(), "bypassActors", always.size() > 100 ? always.subList(0, 100) : always)));
            }
        }
        return out;
    }

    private static String actor(BypassActor a) {
        return cut(a.actorType(), 50) + (a.actorId() == null ? "" : ":" + a.actorId());
    }
}
