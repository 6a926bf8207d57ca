package io.watchkeeper.auditors.github;

import static io.watchkeeper.auditors.github.GitHubCheckTesting.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.finding.Exposure;
import java.util.List;
import org.junit.jupiter.api.Test;

class RepositoryChecksTest {

    private static final String ON = "'securityAndAnalysis':{'secretScanning':'enabled','secretScanningPushProtection':'enabled',"
            + "'dependabotSecurityUpdates':'enabled'},'dependabotAlerts':true,'securityPolicy':'SECURITY.md',"
            + "'privateVulnerabilityReporting':true,'pushedAt':'2026-12-01T00:00:00Z'";

    private static String repo(String visibility, String fields) {
        return "{'name':'web','id':1,'visibility':'" + visibility + "'," + fields + "}";
    }

    private static List<String> keys(String check, String json) {
        return GitHubCheckTesting.keys("github.repository/" + check, json);
    }

    @Test
    void aWellKeptRepositoryPassesEveryCheck() {
        for (var check : GitHubCheckTesting.CHECKS.checks()) {
            if (check.id().id().startsWith("github.repository/")) {
                assertThat(GitHubCheckTesting.keys(check.id().id(), repo("public", ON))).as(check.id().id()).isEmpty();
            }
        }
    }

    @Test
    void secretScanningAndPushProtection() {
        String off = repo("public", ON.replace("'secretScanning':'enabled'", "'secretScanning':'disabled'")
                .replace("'secretScanningPushProtection':'enabled'", "'secretScanningPushProtection':'disabled'"));
        assertThat(keys("secret-scanning-off", off)).containsExactly("secret-scanning");
        assertThat(keys("push-protection-off", off)).as("secret scanning off is the one finding").isEmpty();
        assertThat(run("github.repository/secret-scanning-off", off).getFirst().exposure()).isEqualTo(Exposure.INTERNET);
        String pushOff = repo("private", ON.replace("'secretScanningPushProtection':'enabled'", "'secretScanningPushProtection':'disabled'"));
        assertThat(keys("push-protection-off", pushOff)).containsExactly("push-protection");
        assertThat(run("github.repository/push-protection-off", pushOff).getFirst().exposure()).isEqualTo(Exposure.INTERNAL);
        String notOffered = repo("private", "'securityAndAnalysis':{'dependabotSecurityUpdates':'enabled'}");
        assertThat(keys("secret-scanning-off", notOffered)).as("not offered on the plan").isEmpty();
        assertThat(keys("push-protection-off", notOffered)).isEmpty();
        assertThat(keys("secret-scanning-off", repo("private", "'dependabotAlerts':true"))).as("not visible").isEmpty();
        assertThat(keys("secret-scanning-off", repo("public", ON.replace("'secretScanning':'enabled'", "'secretScanning':'disabled'")
                + ",'archived':true"))).as("archived").isEmpty();
    }

    @Test
    void dependabot() {
        assertThat(keys("dependabot-alerts-off", repo("private", ON.replace("'dependabotAlerts':true", "'dependabotAlerts':false"))))
                .containsExactly("dependabot-alerts");
        assertThat(keys("dependabot-alerts-off", repo("private", "'name':'x'"))).as("not visible").isEmpty();
        assertThat(keys("dependabot-security-updates-off", repo("private",
                ON.replace("'dependabotSecurityUpdates':'enabled'", "'dependabotSecurityUpdates':'disabled'"))))
                .containsExactly("dependabot-security-updates");
        assertThat(keys("dependabot-security-updates-off", repo("private",
                ON.replace("'dependabotSecurityUpdates':'enabled'", "'dependabotSecurityUpdates':'disabled'")
                        .replace("'dependabotAlerts':true", "'dependabotAlerts':false"))))
                .as("alerts off is the finding").isEmpty();
    }

    @Test
    void publicRepositoriesNeedASecurityPolicyAndPrivateReporting() {
        assertThat(keys("public-without-security-policy", repo("public", ON.replace("'securityPolicy':'SECURITY.md'", "'securityPolicy':null"))))
                .containsExactly("security-policy");
        assertThat(keys("public-without-security-policy", repo("public", ON.replace("'SECURITY.md'", "'organization'"))))
                .as("the organisation's policy counts").isEmpty();
        assertThat(keys("public-without-security-policy", repo("private", ON.replace("'securityPolicy':'SECURITY.md'", "'securityPolicy':null"))))
                .isEmpty();
        assertThat(keys("private-vulnerability-reporting-off", repo("public",
                ON.replace("'privateVulnerabilityReporting':true", "'privateVulnerabilityReporting':false"))))
                .containsExactly("private-vulnerability-reporting");
        assertThat(keys("private-vulnerability-reporting-off", repo("internal",
                ON.replace("'privateVulnerabilityReporting':true", "'privateVulnerabilityReporting':false")))).isEmpty();
    }

    @Test
    void inactiveRepositoriesThatAreNotArchived() {
        String old = repo("private", ON.replace("'pushedAt':'2026-12-01T00:00:00Z'", "'pushedAt':'2026-05-01T00:00:00Z'"));
        assertThat(keys("inactive-not-archived", old)).containsExactly("inactive");
        assertThat(keys("inactive-not-archived", old.replace("'visibility'", "'archived':true,'visibility'"))).isEmpty();
        assertThat(keys("inactive-not-archived", repo("private", ON.replace("'pushedAt':'2026-12-01T00:00:00Z'",
                "'pushedAt':'2026-07-01T00:00:00Z'")))).as("five months").isEmpty();
        assertThat(keys("inactive-not-archived", repo("private", "'createdAt':'2020-01-01T00:00:00Z'")))
                .as("never pushed, old").containsExactly("inactive");
    }
}
