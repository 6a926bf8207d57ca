package io.watchkeeper.auditors.gcp.iam;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.finding.Evidence;
import org.junit.jupiter.api.Test;

class ProjectIamPolicyServiceAccountDutiesCheckTest {

    private final ProjectIamPolicyServiceAccountDutiesCheck check = new ProjectIamPolicyServiceAccountDutiesCheck();

    @Test
    void oneMemberWithAdminAndUserIsReported() {
        assertThat(check.evaluate(ProjectPolicies.of("roles/iam.serviceAccountAdmin=user:a@corp.com",
                "roles/iam.serviceAccountUser=user:a@corp.com"), new TestContext())).extracting(Evidence::key)
                .containsExactly("member:user:a@corp.com");
    }

    @Test
    void theRolesHeldByDifferentMembersOrByServiceAccountsAreNot() {
        assertThat(check.evaluate(ProjectPolicies.of("roles/iam.serviceAccountAdmin=user:a@corp.com",
                "roles/iam.serviceAccountUser=user:b@corp.com",
                "roles/iam.serviceAccountAdmin=serviceAccount:x@p.iam.gserviceaccount.com",
                "roles/iam.serviceAccountUser=serviceAccount:x@p.iam.gserviceaccount.com",
                "roles/iam.serviceAccountKeyAdmin=user:b@corp.com"), new TestContext())).isEmpty();
    }
}
