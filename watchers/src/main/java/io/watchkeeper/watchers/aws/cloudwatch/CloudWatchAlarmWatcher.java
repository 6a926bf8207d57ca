package io.watchkeeper.watchers.aws.cloudwatch;

import com.google.auto.service.AutoService;
import io.watchkeeper.aws.AwsSession;
import io.watchkeeper.core.config.aws.CloudWatchAlarmConfig;
import io.watchkeeper.core.config.aws.CloudWatchAlarmConfig.MetricQuery;
import io.watchkeeper.core.watch.Observation;
import io.watchkeeper.core.watch.ScopeKind;
import io.watchkeeper.core.watch.WatchScope;
import io.watchkeeper.core.watch.Watcher;
import io.watchkeeper.watchers.aws.AwsWatcher;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cloudwatch.model.AlarmType;
import software.amazon.awssdk.services.cloudwatch.model.CompositeAlarm;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;

/** CloudWatch metric and composite alarms with their actions: one page per 100 alarms of both kinds. */
@AutoService(Watcher.class)
public final class CloudWatchAlarmWatcher extends AwsWatcher<CloudWatchAlarmConfig> {

    public CloudWatchAlarmWatcher() {
        super("aws.cloudwatch.alarm", CloudWatchAlarmConfig.class, ScopeKind.REGIONAL, "cloudwatch:DescribeAlarms");
    }

    @Override
    protected List<Observation<CloudWatchAlarmConfig>> observe(WatchScope scope, AwsSession aws) {
        List<CloudWatchAlarmConfig> alarms = new ArrayList<>();
        // one pass over the pages: the paginator's per-kind views would each page through again
        for (DescribeAlarmsResponse page : aws.cloudWatch(scope.region()).describeAlarmsPaginator(r -> r
                .alarmTypes(AlarmType.METRIC_ALARM, AlarmType.COMPOSITE_ALARM).maxRecords(100))) {
            page.metricAlarms().forEach(a -> alarms.add(metric(a)));
            page.compositeAlarms().forEach(a -> alarms.add(composite(a)));
        }
        return alarms.stream().<Observation<CloudWatchAlarmConfig>>map(c -> new Observation.Observed<>(c.alarmArn(),
                c.alarmName(), scope.region(), c)).toList();
    }

    private static CloudWatchAlarmConfig metric(MetricAlarm a) {
        return new CloudWatchAlarmConfig(a.alarmName(), a.alarmArn(), "metric", a.alarmDescription(), a.actionsEnabled(),
                arns(a.alarmActions()), arns(a.okActions()), arns(a.insufficientDataActions()), a.metricName(),
                a.namespace(), a.statisticAsString(), a.extendedStatistic(),
                tags(a.dimensions(), d -> d.name(), d -> d.value()), a.period(), a.evaluationPeriods(),
                a.datapointsToAlarm(), a.threshold(), a.comparisonOperatorAsString(), a.treatMissingData(),
                a.metrics().stream().map(q -> new MetricQuery(q.id(), q.expression(),
                        q.metricStat() == null || q.metricStat().metric() == null ? null
                                : q.metricStat().metric().metricName(),
                        q.metricStat() == null || q.metricStat().metric() == null ? null
                                : q.metricStat().metric().namespace(),
                        q.metricStat() == null ? null : q.metricStat().stat(), q.returnData())).toList(),
                null, a.stateValueAsString(), a.stateUpdatedTimestamp());
    }

    private static CloudWatchAlarmConfig composite(CompositeAlarm a) {
        return new CloudWatchAlarmConfig(a.alarmName(), a.alarmArn(), "composite", a.alarmDescription(),
                a.actionsEnabled(), arns(a.alarmActions()), arns(a.okActions()), arns(a.insufficientDataActions()),
                null, null, null, null, Map.of(), null, null, null, null, null, null, List.of(), a.alarmRule(),
                a.stateValueAsString(), a.stateUpdatedTimestamp());
    }

    private static List<String> arns(List<String> actions) {
        return sorted(actions, Comparator.naturalOrder());
    }
}
