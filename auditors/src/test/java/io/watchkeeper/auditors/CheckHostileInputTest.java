package io.watchkeeper.auditors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.watchkeeper.auditors.testing.HostileConfigs;
import io.watchkeeper.auditors.testing.HostileConfigs.Flavour;
import io.watchkeeper.auditors.testing.TestContext;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.model.ResourceType;
import io.watchkeeper.core.plugin.Plugins;
import io.watchkeeper.core.watch.Watcher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every registered check, of every package, fed malformed, absurd and hostile configurations of its
 * type, with equally hostile related items in the context: each returns evidence or nothing, never
 * throws, and stays fast. A new check is covered without a new test.
 */
class CheckHostileInputTest {

    @SuppressWarnings("rawtypes")
    private static final Map<String, Watcher> WATCHERS = Plugins.load(Watcher.class, w -> w.type().id());

    static Stream<Arguments> checksAndFlavours() {
        List<Arguments> out = new ArrayList<>();
        for (Check<?> check : CheckRegistry.discover().all()) {
            for (Flavour flavour : Flavour.values()) {
                out.add(Arguments.of(check.id().id(), flavour));
            }
        }
        return out.stream();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("checksAndFlavours")
    void returnsEvidenceOrNothingAndNeverThrows(String id, Flavour flavour) {
        Check check = CheckRegistry.discover().require(id);
        TestContext context = context(check.dependsOn(), flavour);
        for (Record config : HostileConfigs.of((Class<Record>) check.configType(), flavour)) {
            // CPU time of this thread: the bound is on the check's work, not on how busy the machine is
            java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
            long start = threads.getCurrentThreadCpuTime();
            List<Evidence>[] result = new List[1];
            assertThatCode(() -> result[0] = check.evaluate(config, context)).as("%s on a %s config", id, flavour)
                    .doesNotThrowAnyException();
            assertThat(result[0]).as("%s on a %s config", id, flavour).isNotNull().doesNotContainNull();
            assertThat(Duration.ofNanos(threads.getCurrentThreadCpuTime() - start)).as("%s on a %s config", id, flavour)
                    .isLessThan(Duration.ofSeconds(10));
        }
    }

    /** Hostile items of every type the check reads, in the audited region and in none. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static TestContext context(Set<ResourceType> related, Flavour flavour) {
        TestContext context = new TestContext();
        Set<String> types = new TreeSet<>();
        related.forEach(t -> types.add(t.id()));
        for (String type : types) {
            Watcher watcher = WATCHERS.get(type);
            assertThat(watcher).as("a watcher produces %s", type).isNotNull();
            List<Record> configs = HostileConfigs.of((Class<Record>) watcher.configType(), flavour);
            for (int i = 0; i < configs.size(); i++) {
                context.with(type, i % 2 == 0 ? "us-east-1" : null, "hostile-" + i, configs.get(i));
            }
        }
        return context;
    }
}
