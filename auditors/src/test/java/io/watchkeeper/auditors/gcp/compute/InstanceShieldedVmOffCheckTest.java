package io.watchkeeper.auditors.gcp.compute;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.TestContext;
import org.junit.jupiter.api.Test;

class InstanceShieldedVmOffCheckTest {

    private final InstanceShieldedVmOffCheck check = new InstanceShieldedVmOffCheck();

    @Test
    void missingShieldedVmOrAnOffPartIsReported() {
        assertThat(check.evaluate(VmConfigs.vm(""), new TestContext())).hasSize(1);
        assertThat(check.evaluate(VmConfigs.vm(",'shieldedVm':{'secureBoot':true,'vtpm':true,'integrityMonitoring':false}"),
                new TestContext())).singleElement().satisfies(e -> assertThat(e.message()).contains("integrity monitoring off"));
    }

    @Test
    void vtpmAndIntegrityMonitoringOnPassWithoutSecureBoot() {
        assertThat(check.evaluate(VmConfigs.vm(",'shieldedVm':{'secureBoot':false,'vtpm':true,'integrityMonitoring':true}"),
                new TestContext())).isEmpty();
    }
}
