package io.watchkeeper.core.config.gcp;

import java.util.List;

/**
 * A Cloud Monitoring alert policy ({@code gcp.monitoring.alert-policy}).
 *
 * @param name the policy's resource name ({@code projects/p/alertPolicies/<id>})
 * @param displayName the display name
 * @param enabled whether the policy is enabled
 * @param combiner AND, OR or AND_WITH_MATCHING_RESOURCE
 * @param conditions the conditions, sorted by display name
 * @param notificationChannels the notification channels' names, sorted
 */
public record GcpAlertPolicyConfig(
        String name,
        String displayName,
        boolean enabled,
        String combiner,
        List<Condition> conditions,
        List<String> notificationChannels) {

    /**
     * A condition.
     *
     * @param displayName the condition's display name
     * @param kind threshold, absent, matchedLog, monitoringQueryLanguage, prometheusQueryLanguage or sql
     * @param filter the time-series filter, log filter or query
     * @param comparison COMPARISON_GT, … (threshold conditions), else null
     * @param thresholdValue the threshold (threshold conditions), else null
     * @param duration how long the condition must hold, e.g. "0s", else null
     */
    public record Condition(String displayName, String kind, String filter, String comparison, Double thresholdValue,
                            String duration) {}
}
