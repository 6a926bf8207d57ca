package io.watchkeeper.auditors.gcp.compute;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.finding.Evidence;
import org.junit.jupiter.api.Test;

class InstanceDefaultServiceAccountCheckTest {

    private final InstanceDefaultServiceAccountCheck check = new InstanceDefaultServiceAccountCheck();

    @Test
    void theComputeDefaultServiceAccountIsReported() {
        assertThat(check.evaluate(VmConfigs.vm(",'serviceAccounts':[{'email':'" + VmConfigs.DEFAULT_SA + "','scopes':[]}]"),
                new TestContext())).extracting(Evidence::key).containsExactly("service-account:" + VmConfigs.DEFAULT_SA);
    }

    @Test
    void dedicatedAccountsGkeNodesAndLookAlikesAreNot() {
        assertThat(check.evaluate(VmConfigs.vm(",'serviceAccounts':[{'email':'web@p.iam.gserviceaccount.com'}]"), new TestContext())).isEmpty();
        assertThat(check.evaluate(VmConfigs.vm(",'serviceAccounts':[{'email':'x-compute@developer.gserviceaccount.com'}]"),
                new TestContext())).as("not a project number").isEmpty();
        assertThat(check.evaluate(VmConfigs.vm("gke-pool-1", ",'serviceAccounts':[{'email':'" + VmConfigs.DEFAULT_SA + "'}]"),
                new TestContext())).isEmpty();
    }
}
