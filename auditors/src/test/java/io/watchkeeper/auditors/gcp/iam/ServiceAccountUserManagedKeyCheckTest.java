package io.watchkeeper.auditors.gcp.iam;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.Configs;
import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.config.gcp.GcpServiceAccountConfig;
import io.watchkeeper.core.finding.Evidence;
import org.junit.jupiter.api.Test;

class ServiceAccountUserManagedKeyCheckTest {

    private final ServiceAccountUserManagedKeyCheck check = new ServiceAccountUserManagedKeyCheck();

    static GcpServiceAccountConfig account(String keys) {
        return Configs.lenient(GcpServiceAccountConfig.class, "{'email':'ci@p.iam.gserviceaccount.com','keys':[" + keys + "]}");
    }

    @Test
    void enabledUserManagedKeysAreReported() {
        assertThat(check.evaluate(account("{'keyId':'k1','keyType':'USER_MANAGED','validAfterTime':'2026-01-01T00:00:00Z'},"
                + "{'keyId':'k2','keyType':'USER_MANAGED','keyOrigin':'USER_PROVIDED'}"), new TestContext()))
                .extracting(Evidence::key).containsExactly("key:k1", "key:k2");
    }

    @Test
    void disabledKeysAndAccountsWithoutKeysAreNot() {
        assertThat(check.evaluate(account("{'keyId':'k1','keyType':'USER_MANAGED','disabled':true}"), new TestContext())).isEmpty();
        assertThat(check.evaluate(account(""), new TestContext())).isEmpty();
    }
}
