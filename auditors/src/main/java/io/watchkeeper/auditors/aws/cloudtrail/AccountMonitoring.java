package io.watchkeeper.auditors.aws.cloudtrail;

import static io.watchkeeper.auditors.rules.Facts.blank;
import static io.watchkeeper.auditors.rules.Facts.list;

import io.watchkeeper.auditors.rules.Facts;
import io.watchkeeper.core.config.aws.CloudTrailTrailConfig;
import io.watchkeeper.core.config.aws.CloudWatchAlarmConfig;
import io.watchkeeper.core.config.aws.MetricFilterConfig;
import io.watchkeeper.core.config.aws.SnsTopicConfig;
import io.watchkeeper.core.finding.AuditContext;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import io.watchkeeper.core.model.ResourceType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * CIS AWS 3.0 4.1–4.15 for one account: a multi-region trail that is logging read and write
 * management events delivers to a CloudWatch Logs group; a metric filter on that group has the
 * recommendation's pattern; an alarm on the filter's metric notifies an SNS topic with at least one
 * subscriber. Reported once per account, on its first trail by ARN, with the step that is missing.
 */
final class AccountMonitoring {

    static final ResourceType FILTER = ResourceType.of("aws.logs.metric-filter");
    static final ResourceType ALARM = ResourceType.of("aws.cloudwatch.alarm");
    static final ResourceType TOPIC = ResourceType.of("aws.sns.topic");

    private AccountMonitoring() {}

    /** The evidence for {@code control} on {@code trail}, nothing when it passes or another trail carries it. */
    static List<Evidence> evaluate(CisMetricFilters.Control control, CloudTrailTrailConfig trail, AuditContext context) {
        List<CloudTrailTrailConfig> trails = AccountTrails.of(trail, context);
        if (!AccountTrails.same(trails.getFirst(), trail)) {
            return List.of();
        }
        Set<String> groups = new TreeSet<>();
        for (CloudTrailTrailConfig t : trails) {
            if (AccountTrails.coversTheAccount(t) && !blank(t.cloudWatchLogsLogGroupArn())) {
                groups.add(groupArn(t.cloudWatchLogsLogGroupArn()));
            }
        }
        if (groups.isEmpty()) {
            return missing(control, "no multi-region trail logging management events delivers to CloudWatch Logs",
                    List.of(), List.of());
        }
        List<MetricFilterConfig> filters = new ArrayList<>();
        for (var item : context.related(FILTER, MetricFilterConfig.class)) {
            MetricFilterConfig f = item.config();
            if (f != null && onGroup(f, item.region(), groups) && control.accepts(f.filterPattern())) {
                filters.add(f);
            }
        }
        if (filters.isEmpty()) {
            return missing(control, "no metric filter with the benchmark's pattern on " + String.join(", ", groups),
                    List.copyOf(groups), List.of());
        }
        List<CloudWatchAlarmConfig> alarms = context.related(ALARM, CloudWatchAlarmConfig.class).stream()
                .map(AuditContext.Related::config).filter(Objects::nonNull).toList();
        Set<String> subscribed = new TreeSet<>();
        for (var item : context.related(TOPIC, SnsTopicConfig.class)) {
            SnsTopicConfig topic = item.config();
            if (topic != null && topic.topicArn() != null && list(topic.subscriptions()).stream()
                    .anyMatch(s -> !blank(s.endpoint()))) {
                subscribed.add(topic.topicArn());
            }
        }
        Set<String> filterNames = new TreeSet<>();
        Set<String> alarmNames = new TreeSet<>();
        for (MetricFilterConfig f : filters) {
            filterNames.add(f.logGroupName() + ":" + f.filterName());
            for (MetricFilterConfig.MetricTransformation m : list(f.metricTransformations())) {
                for (CloudWatchAlarmConfig a : alarms) {
                    if (watches(a, m)) {
                        alarmNames.add(a.alarmName());
                        if (!Boolean.FALSE.equals(a.actionsEnabled())
                                && list(a.alarmActions()).stream().anyMatch(subscribed::contains)) {
                            return List.of();
                        }
                    }
                }
            }
        }
        return missing(control, alarmNames.isEmpty() ? "no alarm on the metric of " + String.join(", ", filterNames)
                : "alarm(s) " + String.join(", ", alarmNames) + " notify no SNS topic with a subscriber",
                List.copyOf(filterNames), List.copyOf(alarmNames));
    }

    private static List<Evidence> missing(CisMetricFilters.Control control, String why, List<String> found,
                                          List<String> alarms) {
        return List.of(Evidence.of("account", Facts.line("No alarm on " + control.events() + ": " + why),
                Exposure.INTERNAL, Facts.details("missing", why, "found", found, "alarms", alarms)));
    }

    /** A log group ARN without the {@code :*} CloudTrail writes after it. */
    static String groupArn(String arn) {
        String a = arn.strip();
        return a.endsWith(":*") ? a.substring(0, a.length() - 2) : a;
    }

    private static boolean onGroup(MetricFilterConfig f, String region, Set<String> groups) {
        if (f.logGroupArn() != null && groups.contains(groupArn(f.logGroupArn()))) {
            return true;
        }
        if (f.logGroupName() == null || region == null) {
            return false;
        }
        String suffix = ":log-group:" + f.logGroupName();
        return groups.stream().anyMatch(g -> g.endsWith(suffix) && g.startsWith("arn:") && g.contains(":logs:" + region + ":"));
    }

    private static boolean watches(CloudWatchAlarmConfig a, MetricFilterConfig.MetricTransformation m) {
        if (m.metricName() == null) {
            return false;
        }
        if (m.metricName().equals(a.metricName()) && Objects.equals(m.metricNamespace(), a.namespace())) {
            return true;
        }
        return list(a.metrics()).stream().anyMatch(q -> m.metricName().equals(q.metricName())
                && Objects.equals(m.metricNamespace(), q.namespace()));
    }
}
