package io.watchkeeper.auditors.gcp.compute;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.TestContext;
import org.junit.jupiter.api.Test;

class InstanceProjectSshKeysAllowedCheckTest {

    private final InstanceProjectSshKeysAllowedCheck check = new InstanceProjectSshKeysAllowedCheck();

    @Test
    void unsetOrFalseIsReported() {
        assertThat(check.evaluate(VmConfigs.vm(""), new TestContext())).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("unset"));
        assertThat(check.evaluate(VmConfigs.vm(",'blockProjectSshKeys':'false'"), new TestContext())).hasSize(1);
        assertThat(check.evaluate(VmConfigs.vm(",'blockProjectSshKeys':'truthy'"), new TestContext())).hasSize(1);
    }

    @Test
    void trueInAnySpellingIsNot() {
        assertThat(check.evaluate(VmConfigs.vm(",'blockProjectSshKeys':'TRUE'"), new TestContext())).isEmpty();
        assertThat(check.evaluate(VmConfigs.vm(",'blockProjectSshKeys':'1'"), new TestContext())).isEmpty();
    }
}
