package io.watchkeeper.auditors.gcp.iam;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.Configs;
import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.config.gcp.GcpProjectIamPolicyConfig;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.Evidence;
import org.junit.jupiter.api.Test;

class ConsumerAccountMemberCheckTest {

    private final Check<GcpProjectIamPolicyConfig> check = GcpIamPolicyChecks.get("gcp.project.iam-policy/consumer-account-member");

    private static GcpProjectIamPolicyConfig policy(String... members) {
        return Configs.lenient(GcpProjectIamPolicyConfig.class, "{'projectId':'p','policy':{'bindings':[{'role':'roles/viewer',"
                + "'members':['" + String.join("','", members) + "']}]}}");
    }

    @Test
    void gmailAndOtherConsumerAccountsAreReported() {
        var evidence = check.evaluate(policy("user:Someone@GMAIL.com", "group:team@outlook.com", "user:a@corp.com"), new TestContext());
        assertThat(evidence).extracting(Evidence::key).containsExactly("member:roles/viewer:user:Someone@GMAIL.com",
                "member:roles/viewer:group:team@outlook.com");
    }

    @Test
    void corporateAccountsServiceAccountsAndLookAlikesAreNot() {
        assertThat(check.evaluate(policy("user:a@corp.com", "serviceAccount:x@gmail.com.iam.gserviceaccount.com",
                "user:a@gmail.com.evil.example", "domain:gmail.com", "deleted:user:b@gmail.com?uid=1"), new TestContext())).isEmpty();
    }
}
