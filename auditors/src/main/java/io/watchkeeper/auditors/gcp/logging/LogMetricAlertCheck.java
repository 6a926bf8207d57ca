package io.watchkeeper.auditors.gcp.logging;

import io.watchkeeper.auditors.gcp.GcpCheck;
import io.watchkeeper.auditors.gcp.Members;
import io.watchkeeper.core.config.gcp.GcpAlertPolicyConfig;
import io.watchkeeper.core.config.gcp.GcpLogMetricConfig;
import io.watchkeeper.core.config.gcp.GcpProjectConfig;
import io.watchkeeper.core.finding.AuditContext;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.CheckId;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import io.watchkeeper.core.finding.Severity;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.model.ResourceType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * CIS 2.4–2.11, decided for the project (carried by its {@code gcp.project} item, which every project
 * has): some enabled log-based metric's filter contains the CIS filter's terms, and an enabled alert
 * policy has a condition on that metric ({@code metric.type="logging.googleapis.com/user/<name>"}).
 * Filters are compared by their terms, not evaluated: a metric that adds a narrowing clause still counts.
 */
public final class LogMetricAlertCheck implements Check<GcpProjectConfig> {

    static final ResourceType METRIC = ResourceType.of("gcp.logging.metric");
    static final ResourceType ALERT = ResourceType.of("gcp.monitoring.alert-policy");

    private final MetricAlert spec;

    LogMetricAlertCheck(MetricAlert spec) {
        this.spec = spec;
    }

    @Override public CheckId id() { return CheckId.of("gcp.project/no-metric-alert-" + spec.slug()); }
    @Override public String name() {
        StringBuilder out = new StringBuilder("GcpProjectNoMetricAlert");
        for (String part : spec.slug().split("-")) {
            out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return out.toString();
    }
    @Override public Class<GcpProjectConfig> configType() { return GcpProjectConfig.class; }
    @Override public Severity severity() { return Severity.LOW; }
    @Override public String title() { return "No log metric and alert for " + spec.what(); }
    @Override public String rationale() {
        return "Without an alert on " + spec.what() + ", a harmful change is found (if ever) long after the fact.";
    }
    @Override public String remediation() {
        return "Create a log-based metric with the CIS " + spec.cis() + " filter and an alert policy on it"
                + " (gcloud logging metrics create; gcloud alpha monitoring policies create).";
    }
    @Override public List<String> controls() { return List.of(GcpCheck.CIS + spec.cis()); }
    @Override public Set<ResourceType> dependsOn() { return Set.of(METRIC, ALERT); }

    @Override
    public List<Evidence> evaluate(GcpProjectConfig project, AuditContext context) {
        List<String> metrics = new ArrayList<>();
        for (var m : context.related(METRIC, GcpLogMetricConfig.class)) {
            GcpLogMetricConfig metric = m.config();
            if (metric != null && metric.name() != null && !metric.disabled() && spec.matches(metric.filter())) {
                metrics.add(metric.name());
            }
        }
        for (String metric : metrics) {
            String wanted = MetricAlert.normalise("metric.type=\"logging.googleapis.com/user/" + metric + "\"");
            for (var a : context.related(ALERT, GcpAlertPolicyConfig.class)) {
                GcpAlertPolicyConfig alert = a.config();
                if (alert != null && alert.enabled() && Members.list(alert.conditions()).stream()
                        .anyMatch(c -> MetricAlert.normalise(c.filter()).contains(wanted))) {
                    return List.of();
                }
            }
        }
        String message = metrics.isEmpty() ? "No enabled log metric filters " + spec.what()
                : "Metric(s) " + String.join(", ", metrics) + " have no enabled alert policy";
        return List.of(Members.evidence("metric-alert", message, Exposure.INTERNAL,
                Json.object().put("metrics", String.join(",", metrics))));
    }
}
