package io.watchkeeper.core.watch;

import io.watchkeeper.core.model.ErrorCategory;
import java.util.Objects;

/** What a watcher saw of one resource: its configuration, or why it could not be read. */
public sealed interface Observation<C extends Record> {

    String resourceId();

    /**
     * A resource read completely.
     *
     * @param resourceId stable id within the scope (ARN where the provider has one)
     * @param name the name people know it by
     * @param region where it lives (may differ from the scope's region for global listings)
     * @param config the typed configuration
     */
    record Observed<C extends Record>(String resourceId, String name, String region, C config)
            implements Observation<C> {
        public Observed {
            Objects.requireNonNull(resourceId, "resourceId");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(region, "region");
            Objects.requireNonNull(config, "config");
        }
    }

    /**
     * A resource that was listed but could not be described. Its stored history is left as it
     * is: never updated from partial data, never marked deleted.
     */
    record Unreadable<C extends Record>(String resourceId, String name, ErrorCategory category, String message)
            implements Observation<C> {
        public Unreadable {
            Objects.requireNonNull(resourceId, "resourceId");
            Objects.requireNonNull(category, "category");
        }
    }
}
