package io.watchkeeper.auditors.remediation.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.config.github.GitHubMemberConfig;
import io.watchkeeper.core.config.github.GitHubOrganizationConfig;
import io.watchkeeper.core.config.github.GitHubOutsideCollaboratorConfig;
import io.watchkeeper.core.model.InvalidInputException;
import io.watchkeeper.core.remediation.RemediationPlan;
import io.watchkeeper.github.GitHubSession;
import io.watchkeeper.watchers.github.GitHubMemberWatcher;
import io.watchkeeper.watchers.github.GitHubOrganizationWatcher;
import io.watchkeeper.watchers.github.GitHubOutsideCollaboratorWatcher;
import io.watchkeeper.watchers.testing.GitHubTestOrg;
import org.junit.jupiter.api.Test;

class OrganizationRequireTwoFactorRemediationTest extends GitHubRemediationTestSupport {

    private static final String ORG = "/orgs/" + GitHubTestOrg.LOGIN;
    private static final String CHECK = "github.organization/two-factor-not-required";
    private final OrganizationRequireTwoFactorRemediation remediation = new OrganizationRequireTwoFactorRemediation();

    @Test
    void thePlanNamesWhoWouldBeRemovedAndIsNeverApplied() {
        assertThat(remediation.automaticAllowed()).isFalse();
        GitHubOrganizationConfig org = config(new GitHubOrganizationWatcher(), ORG);
        TestContext context = new TestContext();
        configs(new GitHubMemberWatcher()).forEach((id, m) -> context.with("github.member", "global", id, m));
        configs(new GitHubOutsideCollaboratorWatcher()).forEach((id, c) ->
                context.with("github.outside-collaborator", "global", id, c));
        java.util.List<String> withoutMembers = configs(new GitHubMemberWatcher()).values().stream()
                .filter(m -> Boolean.TRUE.equals(m.twoFactorDisabled())).map(GitHubMemberConfig::login).sorted().toList();
        java.util.List<String> withoutOutside = configs(new GitHubOutsideCollaboratorWatcher()).values().stream()
                .filter(c -> Boolean.TRUE.equals(c.twoFactorDisabled())).map(GitHubOutsideCollaboratorConfig::login).toList();
        assertThat(withoutMembers).as("the test organisation has members without 2FA").isNotEmpty();

        RemediationPlan plan = remediation.plan(finding(CHECK, ORG, org, context), org);
        assertThat(plan.calls()).hasSize(1);
        assertThat(plan.summary()).contains("Plan only");
        withoutMembers.forEach(login -> assertThat(plan.summary()).contains(login));
        withoutOutside.forEach(login -> assertThat(plan.summary()).contains(login));
        assertThat(plan.calls().getFirst().parameters().get("MembersRemoved").toString()).contains(withoutMembers.getFirst());

        server.clearRequests();
        try (GitHubSession session = github.factory.open(account)) {
            assertThatThrownBy(() -> remediation.execute(plan.calls().getFirst(), session))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("Authentication security");
        }
        assertThat(writes()).as("nothing is ever sent").isEmpty();
        assertThat(remediation.rollback(plan, org).calls()).isEmpty();
    }
}
