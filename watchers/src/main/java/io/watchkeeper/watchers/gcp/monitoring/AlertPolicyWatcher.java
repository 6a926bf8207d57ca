package io.watchkeeper.watchers.gcp.monitoring;

import com.google.api.services.monitoring.v3.model.AlertPolicy;
import com.google.api.services.monitoring.v3.model.ListAlertPoliciesResponse;
import com.google.auto.service.AutoService;
import io.watchkeeper.core.config.gcp.GcpAlertPolicyConfig;
import io.watchkeeper.core.config.gcp.GcpAlertPolicyConfig.Condition;
import io.watchkeeper.core.watch.Observation;
import io.watchkeeper.core.watch.Watcher;
import io.watchkeeper.gcp.GcpSession;
import io.watchkeeper.watchers.gcp.GcpNames;
import io.watchkeeper.watchers.gcp.GcpWatcher;
import io.watchkeeper.watchers.gcp.Pages;
import java.util.Comparator;
import java.util.List;

/** Cloud Monitoring alert policies (Monitoring v3 REST API): one paged list. */
@AutoService(Watcher.class)
public final class AlertPolicyWatcher extends GcpWatcher<GcpAlertPolicyConfig> {

    public AlertPolicyWatcher() {
        super("gcp.monitoring.alert-policy", GcpAlertPolicyConfig.class, "monitoring.alertPolicies.list");
    }

    @Override
    protected List<Observation<GcpAlertPolicyConfig>> observe(GcpSession gcp) {
        String parent = "projects/" + gcp.projectId();
        List<AlertPolicy> policies = Pages.all(token -> {
            ListAlertPoliciesResponse page = GcpSession.call(() -> gcp.monitoring().projects().alertPolicies().list(parent)
                    .setPageSize(200).setPageToken(token).execute());
            return new Pages.Page<>(page.getAlertPolicies(), page.getNextPageToken());
        });
        return policies.stream().<Observation<GcpAlertPolicyConfig>>map(p -> observed(
                GcpNames.fullName("monitoring", p.getName()), p.getDisplayName() == null ? GcpNames.last(p.getName())
                        : p.getDisplayName(), null,
                new GcpAlertPolicyConfig(p.getName(), p.getDisplayName(), !Boolean.FALSE.equals(p.getEnabled()), p.getCombiner(),
                        p.getConditions() == null ? List.of() : p.getConditions().stream().map(AlertPolicyWatcher::condition)
                                .sorted(Comparator.comparing(c -> String.valueOf(c.displayName()))).toList(),
                        GcpNames.sorted(p.getNotificationChannels())))).toList();
    }

    private static Condition condition(com.google.api.services.monitoring.v3.model.Condition c) {
        if (c.getConditionThreshold() != null) {
            var t = c.getConditionThreshold();
            return new Condition(c.getDisplayName(), "threshold", t.getFilter(), t.getComparison(), t.getThresholdValue(),
                    t.getDuration());
        }
        if (c.getConditionAbsent() != null) {
            return new Condition(c.getDisplayName(), "absent", c.getConditionAbsent().getFilter(), null, null,
                    c.getConditionAbsent().getDuration());
        }
        if (c.getConditionMatchedLog() != null) {
            return new Condition(c.getDisplayName(), "matchedLog", c.getConditionMatchedLog().getFilter(), null, null, null);
        }
        if (c.getConditionMonitoringQueryLanguage() != null) {
            return new Condition(c.getDisplayName(), "monitoringQueryLanguage", c.getConditionMonitoringQueryLanguage().getQuery(),
                    null, null, c.getConditionMonitoringQueryLanguage().getDuration());
        }
        if (c.getConditionPrometheusQueryLanguage() != null) {
            return new Condition(c.getDisplayName(), "prometheusQueryLanguage",
                    c.getConditionPrometheusQueryLanguage().getQuery(), null, null,
                    c.getConditionPrometheusQueryLanguage().getDuration());
        }
        return new Condition(c.getDisplayName(), "other", null, null, null, null);
    }
}
