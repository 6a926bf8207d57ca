package io.watchkeeper.auditors.gcp.iam;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.config.gcp.GcpProjectIamPolicyConfig;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.Evidence;
import org.junit.jupiter.api.Test;

class ProjectIamPolicyServiceAccountAdminCheckTest {

    private final Check<GcpProjectIamPolicyConfig> check = GcpIamPolicyChecks.get("gcp.project.iam-policy/service-account-admin-role");

    @Test
    void userCreatedServiceAccountsWithAdminOwnerOrEditorAreReported() {
        assertThat(check.evaluate(ProjectPolicies.of("roles/owner=serviceAccount:ci@p.iam.gserviceaccount.com",
                "roles/storage.admin=serviceAccount:app@p.iam.gserviceaccount.com",
                "roles/iam.securityAdmin=serviceAccount:x@p.iam.gserviceaccount.com"), new TestContext()))
                .extracting(Evidence::key).containsExactly("member:roles/owner:serviceAccount:ci@p.iam.gserviceaccount.com",
                        "member:roles/storage.admin:serviceAccount:app@p.iam.gserviceaccount.com",
                        "member:roles/iam.securityAdmin:serviceAccount:x@p.iam.gserviceaccount.com");
    }

    @Test
    void serviceAgentsDefaultAccountsPeopleAndNarrowRolesAreNot() {
        assertThat(check.evaluate(ProjectPolicies.of(
                "roles/editor=serviceAccount:service-1@gcp-sa-cloudbuild.iam.gserviceaccount.com",
                "roles/editor=serviceAccount:1@cloudservices.gserviceaccount.com",
                "roles/owner=user:admin@corp.com",
                "roles/storage.objectViewer=serviceAccount:app@p.iam.gserviceaccount.com"), new TestContext())).isEmpty();
    }
}
