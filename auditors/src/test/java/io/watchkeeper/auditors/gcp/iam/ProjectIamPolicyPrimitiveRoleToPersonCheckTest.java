package io.watchkeeper.auditors.gcp.iam;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.config.gcp.GcpProjectIamPolicyConfig;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.Evidence;
import org.junit.jupiter.api.Test;

class ProjectIamPolicyPrimitiveRoleToPersonCheckTest {

    private final Check<GcpProjectIamPolicyConfig> check = GcpIamPolicyChecks.get("gcp.project.iam-policy/primitive-role-to-person");

    @Test
    void ownerAndEditorHeldByPeopleAreReported() {
        assertThat(check.evaluate(ProjectPolicies.of("roles/owner=user:a@corp.com", "roles/editor=group:devs@corp.com",
                "roles/editor=domain:corp.com"), new TestContext())).extracting(Evidence::key)
                .containsExactly("member:roles/owner:user:a@corp.com", "member:roles/editor:group:devs@corp.com",
                        "member:roles/editor:domain:corp.com");
    }

    @Test
    void serviceAccountsViewersAndLookAlikeRolesAreNot() {
        assertThat(check.evaluate(ProjectPolicies.of("roles/editor=serviceAccount:1-compute@developer.gserviceaccount.com",
                "roles/viewer=user:a@corp.com", "roles/ownerx=user:a@corp.com", "projects/p/roles/owner=user:a@corp.com"),
                new TestContext())).isEmpty();
    }
}
