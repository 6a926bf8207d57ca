package io.watchkeeper.watchers.gcp.logging;

import com.google.api.services.logging.v2.model.ListLogMetricsResponse;
import com.google.api.services.logging.v2.model.LogMetric;
import com.google.auto.service.AutoService;
import io.watchkeeper.core.config.gcp.GcpLogMetricConfig;
import io.watchkeeper.core.watch.Observation;
import io.watchkeeper.core.watch.Watcher;
import io.watchkeeper.gcp.GcpSession;
import io.watchkeeper.watchers.gcp.GcpNames;
import io.watchkeeper.watchers.gcp.GcpWatcher;
import io.watchkeeper.watchers.gcp.Pages;
import java.util.List;

/** Log-based metrics (Logging v2 REST API): one paged list. */
@AutoService(Watcher.class)
public final class LogMetricWatcher extends GcpWatcher<GcpLogMetricConfig> {

    public LogMetricWatcher() {
        super("gcp.logging.metric", GcpLogMetricConfig.class, "logging.logMetrics.list");
    }

    @Override
    protected List<Observation<GcpLogMetricConfig>> observe(GcpSession gcp) {
        String parent = "projects/" + gcp.projectId();
        List<LogMetric> metrics = Pages.all(token -> {
            ListLogMetricsResponse page = GcpSession.call(() -> gcp.logging().projects().metrics().list(parent)
                    .setPageSize(200).setPageToken(token).execute());
            return new Pages.Page<>(page.getMetrics(), page.getNextPageToken());
        });
        return metrics.stream().<Observation<GcpLogMetricConfig>>map(m -> observed(
                GcpNames.fullName("logging", parent + "/metrics/" + m.getName()), m.getName(), null,
                new GcpLogMetricConfig(m.getName(), m.getDescription(), m.getFilter(), Boolean.TRUE.equals(m.getDisabled()),
                        m.getMetricDescriptor() == null ? null : m.getMetricDescriptor().getMetricKind(),
                        m.getMetricDescriptor() == null ? null : m.getMetricDescriptor().getValueType(),
                        GcpNames.time(m.getCreateTime()), GcpNames.time(m.getUpdateTime())))).toList();
    }
}
