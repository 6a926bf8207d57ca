package io.watchkeeper.auditors.gcp.iam;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.finding.Evidence;
import org.junit.jupiter.api.Test;

class ProjectIamPolicyKmsDutiesCheckTest {

    private final ProjectIamPolicyKmsDutiesCheck check = new ProjectIamPolicyKmsDutiesCheck();

    @Test
    void aKmsAdminWhoMayDecryptIsReported() {
        var evidence = check.evaluate(ProjectPolicies.of("roles/cloudkms.admin=group:sec@corp.com",
                "roles/cloudkms.cryptoKeyDecrypter=group:sec@corp.com"), new TestContext());
        assertThat(evidence).extracting(Evidence::key).containsExactly("member:group:sec@corp.com");
        assertThat(evidence.getFirst().details().get("roles").asString())
                .isEqualTo("roles/cloudkms.admin,roles/cloudkms.cryptoKeyDecrypter");
    }

    @Test
    void separatedDutiesAndLookAlikeRolesAreNot() {
        assertThat(check.evaluate(ProjectPolicies.of("roles/cloudkms.admin=user:a@corp.com",
                "roles/cloudkms.cryptoKeyEncrypterDecrypter=user:b@corp.com", "roles/cloudkms.viewer=user:a@corp.com",
                "roles/cloudkms.cryptoKeyEncrypterDecrypterViaDelegation=user:a@corp.com"), new TestContext())).isEmpty();
    }
}
