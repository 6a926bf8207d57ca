package io.watchkeeper.aws;

import io.watchkeeper.core.watch.WatchMetrics;
import io.watchkeeper.core.watch.ScopeCalls;
import java.util.Locale;
import software.amazon.awssdk.core.metrics.CoreMetric;
import software.amazon.awssdk.metrics.MetricCollection;
import software.amazon.awssdk.metrics.MetricPublisher;

/** Reports each API call and each throttled attempt to the run's metrics and the scope's counter. */
final class CallMetrics implements MetricPublisher {

    private final WatchMetrics metrics;

    CallMetrics(WatchMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void publish(MetricCollection call) {
        String service = call.metricValues(CoreMetric.SERVICE_ID).stream().findFirst().orElse("unknown");
        ScopeCalls scope = ScopeCalls.current();
        call.childrenWithName("ApiCallAttempt").forEach(attempt -> {
            metrics.apiCall(service);
            boolean throttled = attempt.metricValues(CoreMetric.ERROR_TYPE).stream()
                    .anyMatch(t -> t.toLowerCase(Locale.ROOT).contains("throttl"));
            if (throttled) {
                metrics.throttled(service);
                if (scope != null) {
                    scope.throttled();
                }
            }
        });
    }

    @Override
    public void close() {}
}
