package io.watchkeeper.auditors.gcp.compute;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.TestContext;
import org.junit.jupiter.api.Test;

class InstanceOsLoginDisabledCheckTest {

    private final InstanceOsLoginDisabledCheck check = new InstanceOsLoginDisabledCheck();

    @Test
    void anInstanceTurningOsLoginOffIsReported() {
        assertThat(check.evaluate(VmConfigs.vm(",'osLogin':'FALSE'"), new TestContext())).hasSize(1);
    }

    @Test
    void unsetOrOnIsNotTheInstancesProblem() {
        assertThat(check.evaluate(VmConfigs.vm(""), new TestContext())).isEmpty();
        assertThat(check.evaluate(VmConfigs.vm(",'osLogin':'true'"), new TestContext())).isEmpty();
        assertThat(check.evaluate(VmConfigs.vm(",'osLogin':'maybe'"), new TestContext())).isEmpty();
    }
}
