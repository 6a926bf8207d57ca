package io.watchkeeper.auditors.remediation.gcp;

import static io.watchkeeper.auditors.remediation.gcp.GcpRemediationTesting.durableHash;
import static io.watchkeeper.auditors.remediation.gcp.GcpRemediationTesting.execute;
import static io.watchkeeper.auditors.remediation.gcp.GcpRemediationTesting.finding;
import static io.watchkeeper.auditors.remediation.gcp.GcpRemediationTesting.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchkeeper.core.config.gcp.GcpServiceAccountConfig;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.model.InvalidInputException;
import io.watchkeeper.core.remediation.ApiCall;
import io.watchkeeper.core.remediation.RemediationPlan;
import io.watchkeeper.watchers.gcp.iam.ServiceAccountWatcher;
import io.watchkeeper.watchers.testing.GcpWatcherTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class ServiceAccountDisableKeyRemediationTest extends GcpWatcherTestSupport {

    private static final String EMAIL = "test-cutodian-scc@cloud-custodian.iam.gserviceaccount.com";
    private static final String KEYS = "/v1/projects/cloud-custodian/serviceAccounts/" + EMAIL + "/keys";
    private static final String KEY = "3f1e0c9a2b7d4e5f60718293a4b5c6d7e8f90a1b";
    private static final String ID = "//iam.googleapis.com/projects/cloud-custodian/serviceAccounts/" + EMAIL;
    private final ServiceAccountDisableKeyRemediation remediation = new ServiceAccountDisableKeyRemediation();

    @BeforeEach
    void aUserManagedKey() {
        server.put(KEYS, (ObjectNode) Json.parse(("{'name':'projects/cloud-custodian/serviceAccounts/" + EMAIL + "/keys/" + KEY
                + "','keyType':'USER_MANAGED','keyAlgorithm':'KEY_ALG_RSA_2048','keyOrigin':'GOOGLE_PROVIDED',"
                + "'validAfterTime':'2024-01-01T00:00:00Z','validBeforeTime':'9999-12-31T23:59:59Z'}").replace('\'', '"')));
    }

    private GcpServiceAccountConfig read() {
        return configs(new ServiceAccountWatcher()).values().stream().filter(a -> EMAIL.equals(a.email())).findFirst().orElseThrow();
    }

    private static boolean disabled(GcpServiceAccountConfig account) {
        return account.keys().stream().filter(k -> KEY.equals(k.keyId())).findFirst().orElseThrow().disabled();
    }

    @Test
    void disablesTheNamedKeyAndEnablesItOnRollback() {
        GcpServiceAccountConfig before = read();
        assertThat(disabled(before)).isFalse();
        RemediationPlan plan = remediation.plan(finding("gcp.iam.service-account/key-not-rotated", ID, "key:" + KEY), before);
        assertThat(plan.calls()).containsExactly(new ApiCall("iam", "serviceAccounts.keys.disable",
                json("{'project':'cloud-custodian','serviceAccount':'" + EMAIL + "','keyId':'" + KEY + "'}")));
        execute(remediation, plan, session);
        assertThat(server.requests()).anySatisfy(r -> assertThat(r.method() + " " + r.path())
                .isEqualTo("POST /v1/projects/cloud-custodian/serviceAccounts/" + EMAIL + "/keys/" + KEY + ":disable"));
        assertThat(disabled(read())).isTrue();

        RemediationPlan rollback = remediation.rollback(plan, before);
        assertThat(rollback.calls()).extracting(ApiCall::operation).containsExactly("serviceAccounts.keys.enable");
        execute(remediation, rollback, session);
        assertThat(durableHash(read())).isEqualTo(durableHash(before));
    }

    @Test
    void aFindingWithoutAKeyOrAKeyThatIsGoneIsRefused() {
        GcpServiceAccountConfig before = read();
        assertThatThrownBy(() -> remediation.plan(finding("gcp.iam.service-account/user-managed-key", ID, "account"), before))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("names no key");
        assertThatThrownBy(() -> remediation.plan(finding("gcp.iam.service-account/user-managed-key", ID,
                "key:0000000000000000000000000000000000000000"), before))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("no key");
        assertThatThrownBy(() -> remediation.plan(finding("gcp.iam.service-account/user-managed-key", ID,
                "key:../../other"), before)).isInstanceOf(InvalidInputException.class).hasMessageContaining("key id");
    }
}
