package io.watchkeeper.auditors.gcp.compute;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.TestContext;
import org.junit.jupiter.api.Test;

class InstanceSerialPortEnabledCheckTest {

    private final InstanceSerialPortEnabledCheck check = new InstanceSerialPortEnabledCheck();

    @Test
    void enabledOnTheInstanceOrInheritedFromTheProjectIsReported() {
        assertThat(check.evaluate(VmConfigs.vm(",'serialPortEnable':'true'"), new TestContext())).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("instance metadata"));
        assertThat(check.evaluate(VmConfigs.vm(""), VmConfigs.project(",'serialPortEnable':'TRUE'"))).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("project metadata"));
    }

    @Test
    void anInstanceOverrideOrNothingSetIsNot() {
        assertThat(check.evaluate(VmConfigs.vm(",'serialPortEnable':'false'"), VmConfigs.project(",'serialPortEnable':'TRUE'"))).isEmpty();
        assertThat(check.evaluate(VmConfigs.vm(""), VmConfigs.project(""))).isEmpty();
    }
}
