package io.watchkeeper.core.watch;

import io.watchkeeper.core.model.ResourceType;
import java.time.Duration;

/** Counters a watch run reports; the application binds them to its metrics registry. */
public interface WatchMetrics {

    WatchMetrics NONE = new WatchMetrics() {};

    default void apiCall(String service) {}

    default void throttled(String service) {}

    default void scopeFinished(ResourceType type, ScopeStatus status, Duration duration, ScopeCounts counts) {}
}
