package io.watchkeeper.auditors;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.plugin.Plugins;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every registered check: well-formed id, texts, controls in a known format, a record config, its own test. */
class CheckConformanceTest {

    @SuppressWarnings("rawtypes")
    @Test
    void everyRegisteredCheckIsComplete() {
        Map<String, Check> checks = Plugins.load(Check.class, c -> c.id().id());
        assertThat(checks).isNotEmpty();
        for (Check<?> check : checks.values()) {
            String name = check.getClass().getName();
            assertThat(check.getClass().getSimpleName()).as(name).endsWith("Check");
            assertThat(check.title()).as("title of %s", name).isNotBlank().hasSizeLessThan(100);
            assertThat(check.rationale()).as("rationale of %s", name).isNotBlank();
            assertThat(check.remediation()).as("remediation of %s", name).isNotBlank();
            assertThat(check.severity()).as(name).isNotNull();
            assertThat(check.controls()).as("controls of %s", name).allMatch(c -> c.matches("CIS-AWS-3\\.0:\\d+(\\.\\d+){1,2}"));
            assertThat(check.configType().isRecord()).as(name).isTrue();
            assertThat(check.configType().getPackageName()).startsWith("io.watchkeeper.core.config.");
            try {
                Class.forName(name + "Test");
            } catch (ClassNotFoundException e) {
                throw new AssertionError(name + " has no test class " + name + "Test");
            }
        }
    }
}
