package io.watchkeeper.watchers;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.watch.Watcher;
import org.junit.jupiter.api.Test;

/** Every registered watcher: well-formed id, declared permissions, a record config, and its own test. */
class WatcherConformanceTest {

    @Test
    void everyRegisteredWatcherIsComplete() {
        WatcherRegistry registry = WatcherRegistry.discover();
        assertThat(registry.all()).isNotEmpty();
        for (Watcher<?> watcher : registry.all()) {
            String name = watcher.getClass().getName();
            assertThat(watcher.requiredPermissions()).as("permissions of %s", name).isNotEmpty();
            // AWS actions (service:Action) for AWS types, IAM permissions (service.resource.verb) for GCP types, GitHub App permissions (administration:read) for GitHub types
            String format = switch (watcher.type().provider()) {
                case AWS -> "[a-z0-9-]+:[A-Za-z0-9*]+";
                case GCP -> "[a-z0-9]+(\\.[a-zA-Z0-9]+){2,3}";
                case GITHUB -> "[a-z_]+:(read|write)";
            };
            assertThat(watcher.requiredPermissions()).as("permission format of %s", name).allMatch(p -> p.matches(format));
            assertThat(watcher.configType().getPackageName()).as("config package of %s", name)
                    .isEqualTo("io.watchkeeper.core.config." + watcher.type().provider().id());
            assertThat(watcher.configType().isRecord()).as("config of %s is a record", name).isTrue();
            assertThat(watcher.configType().getPackageName()).as("config of %s lives in core", name)
                    .startsWith("io.watchkeeper.core.config.");
            assertThat(watcher.getClass().getSimpleName()).as("class name of %s", name).endsWith("Watcher");
            try {
                Class.forName(name + "Test");
            } catch (ClassNotFoundException e) {
                throw new AssertionError(name + " has no test class " + name + "Test");
            }
        }
    }
}
