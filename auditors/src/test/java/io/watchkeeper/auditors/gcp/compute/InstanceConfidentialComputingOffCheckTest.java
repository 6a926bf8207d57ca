package io.watchkeeper.auditors.gcp.compute;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.TestContext;
import org.junit.jupiter.api.Test;

class InstanceConfidentialComputingOffCheckTest {

    private final InstanceConfidentialComputingOffCheck check = new InstanceConfidentialComputingOffCheck();

    @Test
    void offIsReportedOnIsNot() {
        assertThat(check.evaluate(VmConfigs.vm(",'confidentialCompute':false"), new TestContext())).hasSize(1);
        assertThat(check.evaluate(VmConfigs.vm(",'confidentialCompute':true"), new TestContext())).isEmpty();
    }
}
