package io.watchkeeper.watchers.aws.logs;

import com.google.auto.service.AutoService;
import io.watchkeeper.aws.AwsSession;
import io.watchkeeper.core.config.aws.MetricFilterConfig;
import io.watchkeeper.core.config.aws.MetricFilterConfig.MetricTransformation;
import io.watchkeeper.core.watch.Observation;
import io.watchkeeper.core.watch.ScopeKind;
import io.watchkeeper.core.watch.WatchScope;
import io.watchkeeper.core.watch.Watcher;
import io.watchkeeper.watchers.aws.AwsWatcher;
import java.time.Instant;
import java.util.List;
import java.util.TreeMap;

/** CloudWatch Logs metric filters of every log group of the region: one page per 50 filters. */
@AutoService(Watcher.class)
public final class MetricFilterWatcher extends AwsWatcher<MetricFilterConfig> {

    public MetricFilterWatcher() {
        super("aws.logs.metric-filter", MetricFilterConfig.class, ScopeKind.REGIONAL, "logs:DescribeMetricFilters");
    }

    @Override
    protected List<Observation<MetricFilterConfig>> observe(WatchScope scope, AwsSession aws) {
        String groupPrefix = "arn:aws:logs:" + scope.region() + ":" + aws.accountId() + ":log-group:";
        return aws.logs(scope.region()).describeMetricFiltersPaginator(r -> r.limit(50)).metricFilters().stream()
                .<Observation<MetricFilterConfig>>map(f -> {
                    String group = groupPrefix + f.logGroupName();
                    var config = new MetricFilterConfig(f.filterName(), f.logGroupName(), group, f.filterPattern(),
                            f.metricTransformations().stream().map(t -> new MetricTransformation(t.metricName(),
                                    t.metricNamespace(), t.metricValue(), t.defaultValue(), t.unitAsString(),
                                    new TreeMap<>(t.dimensions()))).toList(),
                            f.creationTime() == null ? null : Instant.ofEpochMilli(f.creationTime()));
                    return new Observation.Observed<>(group + ":metric-filter/" + f.filterName(), f.filterName(),
                            scope.region(), config);
                })
                .toList();
    }
}
