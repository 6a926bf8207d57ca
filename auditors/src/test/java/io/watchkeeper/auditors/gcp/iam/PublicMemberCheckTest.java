package io.watchkeeper.auditors.gcp.iam;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.Configs;
import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.config.gcp.GcpKmsCryptoKeyConfig;
import io.watchkeeper.core.config.gcp.GcpRunServiceConfig;
import io.watchkeeper.core.config.gcp.GcpServiceAccountConfig;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import io.watchkeeper.core.finding.Severity;
import org.junit.jupiter.api.Test;

class PublicMemberCheckTest {

    private static String policy(String role, String member) {
        return "{'version':3,'bindings':[{'role':'" + role + "','members':['" + member + "']}]}";
    }

    @Test
    void aKeyRingPolicyGrantingAllUsersMakesItsKeysPublic() {
        Check<GcpKmsCryptoKeyConfig> check = GcpIamPolicyChecks.get("gcp.kms.crypto-key/public-members");
        var key = Configs.lenient(GcpKmsCryptoKeyConfig.class, "{'name':'k','policy':" + policy("roles/viewer", "user:a@corp.com")
                + ",'keyRingPolicy':" + policy("roles/cloudkms.cryptoKeyDecrypter", "allUsers") + "}");
        var evidence = check.evaluate(key, new TestContext());
        assertThat(evidence).extracting(Evidence::key).containsExactly("member:roles/cloudkms.cryptoKeyDecrypter:allUsers");
        assertThat(evidence.getFirst().exposure()).isEqualTo(Exposure.INTERNET);
        assertThat(check.controls()).containsExactly("CIS-GCP-3.0:1.9");
        assertThat(check.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(check.name()).isEqualTo("GcpKmsCryptoKeyPublicMembers");
    }

    @Test
    void allAuthenticatedUsersIsPublicTooAndConditionalBindingsSaySo() {
        Check<GcpServiceAccountConfig> check = GcpIamPolicyChecks.get("gcp.iam.service-account/public-members");
        var sa = Configs.lenient(GcpServiceAccountConfig.class, "{'email':'x@p.iam.gserviceaccount.com','policy':{'bindings':["
                + "{'role':'roles/iam.serviceAccountTokenCreator','members':['allAuthenticatedUsers'],'condition':{'expression':'true'}}]}}");
        var evidence = check.evaluate(sa, new TestContext());
        assertThat(evidence).singleElement().satisfies(e -> assertThat(e.message()).contains("under a condition"));
    }

    @Test
    void namedMembersAndLookAlikesAreNotPublic() {
        Check<GcpRunServiceConfig> check = GcpIamPolicyChecks.get("gcp.run.service/public-members");
        for (String member : new String[] {"user:allusers@corp.com", "group:allAuthenticatedUsers@corp.com", "domain:corp.com",
                "serviceAccount:allUsers@p.iam.gserviceaccount.com"}) {
            var run = Configs.lenient(GcpRunServiceConfig.class, "{'name':'s','policy':" + policy("roles/run.invoker", member) + "}");
            assertThat(check.evaluate(run, new TestContext())).as(member).isEmpty();
        }
        assertThat(check.evaluate(Configs.lenient(GcpRunServiceConfig.class, "{'name':'s'}"), new TestContext())).isEmpty();
    }
}
