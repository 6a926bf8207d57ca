package io.watchkeeper.auditors.github;

import static io.watchkeeper.auditors.github.GitHubCheckTesting.keys;
import static io.watchkeeper.auditors.github.GitHubCheckTesting.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.config.github.GitHubMemberConfig;
import org.junit.jupiter.api.Test;

class OrganizationChecksTest {

    private static final String ORG = "{'login':'acme','id':1,";

    private static String org(String fields) {
        return ORG + fields + "}";
    }

    @Test
    void twoFactorNotRequiredOnlyWhenGitHubSaysSo() {
        String id = "github.organization/two-factor-not-required";
        assertThat(keys(id, org("'twoFactorRequirementEnabled':false"))).containsExactly("two-factor");
        assertThat(keys(id, org("'twoFactorRequirementEnabled':true"))).isEmpty();
        assertThat(keys(id, org("'notVisible':['twoFactorRequirementEnabled']"))).as("not visible: not decided").isEmpty();
    }

    @Test
    void basePermissionAboveRead() {
        String id = "github.organization/base-permission-too-wide";
        assertThat(keys(id, org("'defaultRepositoryPermission':'write'"))).containsExactly("base-permission");
        assertThat(keys(id, org("'defaultRepositoryPermission':'ADMIN'"))).containsExactly("base-permission");
        for (String fine : new String[] {"'read'", "'none'", "null", "'writer'"}) {
            assertThat(keys(id, org("'defaultRepositoryPermission':" + fine))).as(fine).isEmpty();
        }
    }

    @Test
    void memberPrivileges() {
        assertThat(keys("github.organization/members-can-create-public-repositories",
                org("'membersCanCreatePublicRepositories':true"))).containsExactly("public-repositories");
        assertThat(keys("github.organization/members-can-create-public-repositories",
                org("'membersCanCreatePublicRepositories':true,'membersCanCreateRepositories':false")))
                .as("repository creation off as a whole").isEmpty();
        assertThat(keys("github.organization/members-can-create-public-repositories",
                org("'membersCanCreatePublicRepositories':false,'membersCanCreatePrivateRepositories':true"))).isEmpty();
        assertThat(keys("github.organization/members-can-create-private-repositories",
                org("'membersCanCreatePrivateRepositories':false,'membersCanCreateInternalRepositories':true")))
                .containsExactly("private-repositories");
        assertThat(keys("github.organization/members-can-create-private-repositories",
                org("'membersCanCreatePrivateRepositories':false"))).isEmpty();
        assertThat(keys("github.organization/members-can-delete-repositories", org("'membersCanDeleteRepositories':true")))
                .containsExactly("delete-repositories");
        assertThat(keys("github.organization/members-can-delete-repositories", org("'membersCanDeleteRepositories':false")))
                .isEmpty();
        assertThat(keys("github.organization/members-can-change-visibility",
                org("'membersCanChangeRepositoryVisibility':true"))).containsExactly("change-visibility");
        assertThat(keys("github.organization/members-can-change-visibility", org("'membersCanDeleteRepositories':true")))
                .isEmpty();
        assertThat(keys("github.organization/members-can-fork-private-repositories",
                org("'membersCanForkPrivateRepositories':true"))).containsExactly("fork-private-repositories");
        assertThat(keys("github.organization/members-can-fork-private-repositories",
                org("'membersCanForkPrivateRepositories':false"))).isEmpty();
    }

    @Test
    void securityDefaultsAndVerifiedDomain() {
        assertThat(keys("github.organization/no-verified-domain", org("'verified':false"))).containsExactly("verified-domain");
        assertThat(keys("github.organization/no-verified-domain", org("'verified':true"))).isEmpty();
        assertThat(keys("github.organization/dependabot-alerts-off-for-new-repositories",
                org("'dependabotAlertsForNewRepositories':false"))).containsExactly("dependabot-alerts-default");
        assertThat(keys("github.organization/dependabot-alerts-off-for-new-repositories",
                org("'dependabotSecurityUpdatesForNewRepositories':false"))).isEmpty();
        assertThat(keys("github.organization/secret-scanning-off-for-new-repositories",
                org("'secretScanningForNewRepositories':false"))).containsExactly("secret-scanning-default");
        assertThat(keys("github.organization/secret-scanning-off-for-new-repositories",
                org("'secretScanningPushProtectionForNewRepositories':false"))).isEmpty();
    }

    @Test
    void tooManyOwnersCountsTheOwnersAmongTheMembers() {
        String id = "github.organization/too-many-owners";
        TestContext three = new TestContext();
        for (int i = 0; i < 3; i++) {
            three.with("github.member", "global", "o" + i, new GitHubMemberConfig("owner" + i, i, "admin", false, false));
        }
        for (int i = 0; i < 20; i++) {
            three.with("github.member", "global", "m" + i, new GitHubMemberConfig("member" + i, 100 + i, "member", false, false));
        }
        assertThat(keys(id, org("'name':'Acme'"), three)).as("three owners and twenty members").isEmpty();
        three.with("github.member", "global", "o3", new GitHubMemberConfig("owner3", 3, "admin", false, false));
        var evidence = run(id, org("'name':'Acme'"), three);
        assertThat(evidence).extracting(e -> e.key()).containsExactly("owners");
        assertThat(evidence.getFirst().details().get("count").asInt()).isEqualTo(4);
        assertThat(evidence.getFirst().details().get("owners").toString()).contains("owner3").doesNotContain("member1");
    }
}
