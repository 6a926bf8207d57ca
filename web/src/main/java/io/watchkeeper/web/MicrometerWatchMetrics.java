package io.watchkeeper.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.watchkeeper.core.model.ResourceType;
import io.watchkeeper.core.watch.ScopeCounts;
import io.watchkeeper.core.watch.ScopeStatus;
import io.watchkeeper.core.watch.WatchMetrics;
import java.time.Duration;

/**
 * Watch metrics for Prometheus: API calls and throttles per service, scope duration and outcome
 * per type, items changed per type and kind of change.
 */
public final class MicrometerWatchMetrics implements WatchMetrics {

    private final MeterRegistry registry;

    public MicrometerWatchMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void apiCall(String service) {
        Counter.builder("watchkeeper.provider.api.calls").description("HTTP requests sent to providers, retries included")
                .tag("service", service).register(registry).increment();
    }

    @Override
    public void throttled(String service) {
        Counter.builder("watchkeeper.provider.throttles").description("requests the provider throttled")
                .tag("service", service).register(registry).increment();
    }

    @Override
    public void scopeFinished(ResourceType type, ScopeStatus status, Duration duration, ScopeCounts counts) {
        Timer.builder("watchkeeper.watch.scope.duration").description("time to watch one scope")
                .tag("type", type.id()).tag("status", status.name()).register(registry).record(duration);
        if (status == ScopeStatus.FAILED || status == ScopeStatus.PARTIAL) {
            Counter.builder("watchkeeper.watch.scopes.failed").description("scopes that failed or were partly read")
                    .tag("type", type.id()).register(registry).increment();
        }
        changed(type, "created", counts.created());
        changed(type, "changed", counts.changed());
        changed(type, "deleted", counts.deleted());
        changed(type, "ephemeral", counts.ephemeral());
    }

    private void changed(ResourceType type, String change, int n) {
        if (n > 0) {
            Counter.builder("watchkeeper.watch.items.changed").description("items written by watches")
                    .tag("type", type.id()).tag("change", change).register(registry).increment(n);
        }
    }
}
