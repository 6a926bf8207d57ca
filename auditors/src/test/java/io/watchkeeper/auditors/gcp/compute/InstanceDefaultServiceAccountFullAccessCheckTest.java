package io.watchkeeper.auditors.gcp.compute;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.TestContext;
import org.junit.jupiter.api.Test;

class InstanceDefaultServiceAccountFullAccessCheckTest {

    private final InstanceDefaultServiceAccountFullAccessCheck check = new InstanceDefaultServiceAccountFullAccessCheck();

    @Test
    void theDefaultAccountWithTheCloudPlatformScopeIsReported() {
        assertThat(check.evaluate(VmConfigs.vm(",'serviceAccounts':[{'email':'" + VmConfigs.DEFAULT_SA + "','scopes':['"
                + VmConfigs.ALL_APIS + "']}]"), new TestContext())).hasSize(1);
    }

    @Test
    void narrowScopesOrAnotherAccountWithFullScopeAreNot() {
        assertThat(check.evaluate(VmConfigs.vm(",'serviceAccounts':[{'email':'" + VmConfigs.DEFAULT_SA + "','scopes':["
                + "'https://www.googleapis.com/auth/devstorage.read_only']}]"), new TestContext())).isEmpty();
        assertThat(check.evaluate(VmConfigs.vm(",'serviceAccounts':[{'email':'web@p.iam.gserviceaccount.com','scopes':['"
                + VmConfigs.ALL_APIS + "']}]"), new TestContext())).isEmpty();
    }
}
