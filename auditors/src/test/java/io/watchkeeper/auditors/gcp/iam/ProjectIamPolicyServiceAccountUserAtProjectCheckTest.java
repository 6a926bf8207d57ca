package io.watchkeeper.auditors.gcp.iam;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.config.gcp.GcpProjectIamPolicyConfig;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.Evidence;
import org.junit.jupiter.api.Test;

class ProjectIamPolicyServiceAccountUserAtProjectCheckTest {

    private final Check<GcpProjectIamPolicyConfig> check = GcpIamPolicyChecks.get("gcp.project.iam-policy/service-account-user-at-project");

    @Test
    void serviceAccountUserAndTokenCreatorForPeopleAtProjectLevelAreReported() {
        assertThat(check.evaluate(ProjectPolicies.of("roles/iam.serviceAccountUser=user:a@corp.com",
                "roles/iam.serviceAccountTokenCreator=group:g@corp.com"), new TestContext())).extracting(Evidence::key)
                .containsExactly("member:roles/iam.serviceAccountUser:user:a@corp.com",
                        "member:roles/iam.serviceAccountTokenCreator:group:g@corp.com");
    }

    @Test
    void serviceAccountsAndOtherIamRolesAreNot() {
        assertThat(check.evaluate(ProjectPolicies.of("roles/iam.serviceAccountUser=serviceAccount:ci@p.iam.gserviceaccount.com",
                "roles/iam.serviceAccountViewer=user:a@corp.com", "roles/iam.serviceAccountKeyAdmin=user:a@corp.com"),
                new TestContext())).isEmpty();
    }
}
