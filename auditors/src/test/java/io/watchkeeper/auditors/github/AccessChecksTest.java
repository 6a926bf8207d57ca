package io.watchkeeper.auditors.github;

import static io.watchkeeper.auditors.github.GitHubCheckTesting.keys;
import static io.watchkeeper.auditors.github.GitHubCheckTesting.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.finding.Exposure;
import org.junit.jupiter.api.Test;

class AccessChecksTest {

    @Test
    void membersAndCollaboratorsWithoutTwoFactor() {
        assertThat(keys("github.member/two-factor-disabled", "{'login':'al','role':'admin','twoFactorDisabled':true}"))
                .containsExactly("two-factor");
        assertThat(run("github.member/two-factor-disabled", "{'login':'al','role':'admin','twoFactorDisabled':true}")
                .getFirst().message()).contains("owner");
        assertThat(keys("github.member/two-factor-disabled", "{'login':'al','twoFactorDisabled':false}")).isEmpty();
        assertThat(keys("github.member/two-factor-disabled", "{'login':'al'}")).as("filter not visible").isEmpty();
        assertThat(keys("github.outside-collaborator/two-factor-disabled", "{'login':'ext','twoFactorDisabled':true}"))
                .containsExactly("two-factor");
        assertThat(keys("github.outside-collaborator/two-factor-disabled", "{'login':'ext','twoFactorDisabled':false}"))
                .isEmpty();
    }

    @Test
    void outsideCollaboratorsWithAdminOrWritePerRepository() {
        String c = "{'login':'ext','repositories':[{'repository':'web','permission':'admin','roleName':'admin'},"
                + "{'repository':'api','permission':'push','roleName':'write'},"
                + "{'repository':'ops','permission':'maintain','roleName':'maintain'},"
                + "{'repository':'docs','permission':'pull','roleName':'read'},"
                + "{'repository':'wiki','permission':'triage','roleName':'triage'}]}";
        assertThat(keys("github.outside-collaborator/admin", c)).containsExactly("repository:web");
        assertThat(keys("github.outside-collaborator/write", c)).containsExactly("repository:api", "repository:ops");
        assertThat(run("github.outside-collaborator/admin", c).getFirst().exposure()).isEqualTo(Exposure.UNKNOWN_ACCOUNT);
        String readOnly = "{'login':'ext','repositories':[{'repository':'docs','permission':'pull'}]}";
        assertThat(keys("github.outside-collaborator/admin", readOnly)).isEmpty();
        assertThat(keys("github.outside-collaborator/write", readOnly)).isEmpty();
    }

    @Test
    void deployKeysThatMayPush() {
        assertThat(keys("github.deploy-key/write-access", "{'repository':'web','id':7,'title':'ci','readOnly':false}"))
                .containsExactly("write");
        assertThat(keys("github.deploy-key/write-access", "{'repository':'web','id':7,'title':'ci','readOnly':true}"))
                .isEmpty();
    }

    @Test
    void appsWithWriteOnEveryRepository() {
        String id = "github.app-installation/broad-write-all-repositories";
        String broad = "{'id':1,'appSlug':'bot','repositorySelection':'all','permissions':{'contents':'write','metadata':'read',"
                + "'administration':'admin'}}";
        var evidence = run(id, broad);
        assertThat(evidence).extracting(e -> e.key()).containsExactly("write-all-repositories");
        assertThat(evidence.getFirst().details().get("permissions").toString()).contains("contents", "administration")
                .doesNotContain("metadata");
        assertThat(keys(id, broad.replace("'all'", "'selected'"))).as("selected repositories").isEmpty();
        assertThat(keys(id, broad.replace("'write'", "'read'").replace("'admin'", "'read'"))).as("read only").isEmpty();
        assertThat(keys(id, broad.replace("'id':1,", "'id':1,'suspended':true,"))).as("suspended").isEmpty();
    }

    @Test
    void productionEnvironmentsWithoutReviewers() {
        String id = "github.environment/production-without-reviewers";
        for (String name : new String[] {"production", "Prod", "prod-eu", "live", "PRD_1"}) {
            assertThat(keys(id, "{'repository':'web','name':'" + name + "','requiredReviewers':[]}")).as(name)
                    .containsExactly("no-reviewers");
        }
        assertThat(keys(id, "{'repository':'web','name':'production'}")).containsExactly("no-reviewers");
        assertThat(keys(id, "{'repository':'web','name':'production','requiredReviewers':['Team:platform']}")).isEmpty();
        for (String name : new String[] {"staging", "preprod", "product-docs", "github-pages"}) {
            assertThat(keys(id, "{'repository':'web','name':'" + name + "','requiredReviewers':[]}")).as(name).isEmpty();
        }
    }
}
