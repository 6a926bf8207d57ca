package io.watchkeeper.auditors.gcp.project;

import com.google.auto.service.AutoService;
import io.watchkeeper.auditors.gcp.GcpCheck;
import io.watchkeeper.auditors.gcp.Members;
import io.watchkeeper.core.config.gcp.GcpProjectConfig;
import io.watchkeeper.core.finding.AuditContext;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import io.watchkeeper.core.finding.Severity;
import io.watchkeeper.core.json.Json;
import java.util.ArrayList;
import java.util.List;
import io.watchkeeper.core.config.gcp.GcpLogSinkConfig;
import io.watchkeeper.core.model.ResourceType;
import java.util.Set;
/** CIS 2.2, decided for the project: no enabled sink with an empty filter and no active exclusions. */
@AutoService(Check.class)
public final class ProjectNoAllEntriesSinkCheck extends GcpCheck<GcpProjectConfig> {

    public ProjectNoAllEntriesSinkCheck() {
        super("gcp.project/no-all-entries-sink", GcpProjectConfig.class, Severity.MEDIUM, "No log sink exports every log entry of the project",
                "Without an export of all entries, logs live only as long as Cloud Logging keeps them and only where an intruder with project access can delete them.",
                "Create a sink with an empty filter to a bucket, BigQuery dataset or Pub/Sub topic outside the project's control (gcloud logging sinks create … with no --log-filter).", "2.2");
    }

    static final ResourceType SINK = ResourceType.of("gcp.logging.sink");

    @Override
    public Set<ResourceType> dependsOn() { return Set.of(SINK); }

    @Override
    public List<Evidence> evaluate(GcpProjectConfig project, AuditContext context) {
        List<String> names = new ArrayList<>();
        for (var sink : context.related(SINK, GcpLogSinkConfig.class)) {
            GcpLogSinkConfig s = sink.config();
            if (s == null) {
                continue;
            }
            names.add(s.name() == null ? "?" : s.name());
            if (!s.disabled() && (s.filter() == null || s.filter().isBlank()) && s.destination() != null
                    && Members.list(s.exclusions()).stream().allMatch(GcpLogSinkConfig.Exclusion::disabled)) {
                return List.of();
            }
        }
        return List.of(Members.evidence("all-entries-sink", "None of the project's " + names.size()
                + " sink(s) exports every entry (enabled, empty filter, no exclusions)", Exposure.INTERNAL,
                Json.object().put("sinks", String.join(",", names.stream().sorted().toList()))));
    }
}
