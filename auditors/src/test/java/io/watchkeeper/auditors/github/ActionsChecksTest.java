package io.watchkeeper.auditors.github;

import static io.watchkeeper.auditors.github.GitHubCheckTesting.keys;
import static io.watchkeeper.auditors.github.GitHubCheckTesting.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.config.github.GitHubActionsPermissionsConfig;
import io.watchkeeper.core.finding.Exposure;
import org.junit.jupiter.api.Test;

class ActionsChecksTest {

    private static final String WIDE = "'allowedActions':'all','defaultWorkflowPermissions':'write',"
            + "'canApprovePullRequestReviews':true";
    private static final String NARROW = "'allowedActions':'selected','defaultWorkflowPermissions':'read',"
            + "'canApprovePullRequestReviews':false";

    private static String org(String fields) {
        return "{'owner':'organization','enabled':'all'," + fields + "}";
    }

    private static String repo(String fields) {
        return "{'owner':'repository','repository':'web','enabled':'true'," + fields + "}";
    }

    @Test
    void wideOrganisationSettings() {
        assertThat(keys("github.actions-permissions/all-actions-allowed", org(WIDE))).containsExactly("allowed-actions");
        assertThat(keys("github.actions-permissions/default-token-write", org(WIDE))).containsExactly("workflow-token");
        assertThat(keys("github.actions-permissions/can-approve-pull-requests", org(WIDE))).containsExactly("approve-pull-requests");
        for (String id : new String[] {"all-actions-allowed", "default-token-write", "can-approve-pull-requests"}) {
            assertThat(keys("github.actions-permissions/" + id, org(NARROW))).as(id).isEmpty();
            assertThat(keys("github.actions-permissions/" + id, org(WIDE).replace("'enabled':'all'", "'enabled':'none'")))
                    .as("Actions off: " + id).isEmpty();
            assertThat(keys("github.actions-permissions/" + id, "{'owner':'organization'}")).as("not shown: " + id).isEmpty();
        }
        assertThat(keys("github.actions-permissions/all-actions-allowed", org("'allowedActions':'local_only'"))).isEmpty();
    }

    @Test
    void aRepositoryReportsOnlyWhatItsOrganisationDoesNot() {
        TestContext wideOrg = new TestContext().with("github.actions-permissions", "global", "org",
                GitHubCheckTesting.parse(GitHubActionsPermissionsConfig.class, org(WIDE)));
        TestContext narrowOrg = new TestContext().with("github.actions-permissions", "global", "org",
                GitHubCheckTesting.parse(GitHubActionsPermissionsConfig.class, org(NARROW)));
        assertThat(keys("github.actions-permissions/default-token-write", repo(WIDE), wideOrg))
                .as("the organisation's finding covers it").isEmpty();
        assertThat(keys("github.actions-permissions/default-token-write", repo(WIDE), narrowOrg)).containsExactly("workflow-token");
        assertThat(keys("github.actions-permissions/can-approve-pull-requests", repo(WIDE), new TestContext()))
                .containsExactly("approve-pull-requests");
        assertThat(keys("github.actions-permissions/default-token-write", repo(WIDE).replace("'true'", "'false'"), narrowOrg))
                .as("Actions off in the repository").isEmpty();
    }

    @Test
    void runnerGroupsOpenToPublicRepositories() {
        String id = "github.actions-permissions/runner-group-public-repositories";
        String groups = org(NARROW + ",'runnerGroups':[{'id':1,'name':'Default','visibility':'all','allowsPublicRepositories':true},"
                + "{'id':2,'name':'private-only','visibility':'selected','allowsPublicRepositories':false}]");
        assertThat(keys(id, groups)).containsExactly("runner-group:1");
        assertThat(run(id, groups).getFirst().exposure()).isEqualTo(Exposure.INTERNET);
        assertThat(keys(id, groups.replace("'allowsPublicRepositories':true", "'allowsPublicRepositories':false"))).isEmpty();
    }
}
