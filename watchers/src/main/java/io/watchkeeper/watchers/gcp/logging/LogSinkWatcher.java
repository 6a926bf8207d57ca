package io.watchkeeper.watchers.gcp.logging;

import com.google.api.services.logging.v2.model.ListSinksResponse;
import com.google.api.services.logging.v2.model.LogSink;
import com.google.auto.service.AutoService;
import io.watchkeeper.core.config.gcp.GcpLogSinkConfig;
import io.watchkeeper.core.config.gcp.GcpLogSinkConfig.Exclusion;
import io.watchkeeper.core.watch.Observation;
import io.watchkeeper.core.watch.Watcher;
import io.watchkeeper.gcp.GcpSession;
import io.watchkeeper.watchers.gcp.GcpNames;
import io.watchkeeper.watchers.gcp.GcpWatcher;
import io.watchkeeper.watchers.gcp.Pages;
import java.util.Comparator;
import java.util.List;

/** The project's log sinks (Logging v2 REST API): one paged list. */
@AutoService(Watcher.class)
public final class LogSinkWatcher extends GcpWatcher<GcpLogSinkConfig> {

    public LogSinkWatcher() {
        super("gcp.logging.sink", GcpLogSinkConfig.class, "logging.sinks.list");
    }

    @Override
    protected List<Observation<GcpLogSinkConfig>> observe(GcpSession gcp) {
        String parent = "projects/" + gcp.projectId();
        List<LogSink> sinks = Pages.all(token -> {
            ListSinksResponse page = GcpSession.call(() -> gcp.logging().projects().sinks().list(parent)
                    .setPageSize(200).setPageToken(token).execute());
            return new Pages.Page<>(page.getSinks(), page.getNextPageToken());
        });
        return sinks.stream().<Observation<GcpLogSinkConfig>>map(s -> observed(
                GcpNames.fullName("logging", parent + "/sinks/" + s.getName()), s.getName(), null,
                new GcpLogSinkConfig(s.getName(), s.getDestination(), s.getFilter() == null ? "" : s.getFilter(),
                        Boolean.TRUE.equals(s.getDisabled()), Boolean.TRUE.equals(s.getIncludeChildren()),
                        s.getWriterIdentity(), s.getExclusions() == null ? List.of() : s.getExclusions().stream()
                                .map(e -> new Exclusion(e.getName(), e.getFilter(), Boolean.TRUE.equals(e.getDisabled())))
                                .sorted(Comparator.comparing(Exclusion::name)).toList(),
                        GcpNames.time(s.getCreateTime()), GcpNames.time(s.getUpdateTime())))).toList();
    }
}
