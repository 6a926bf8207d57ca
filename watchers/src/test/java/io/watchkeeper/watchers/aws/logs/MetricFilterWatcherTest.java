package io.watchkeeper.watchers.aws.logs;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.config.aws.MetricFilterConfig;
import io.watchkeeper.core.config.aws.MetricFilterConfig.MetricTransformation;
import io.watchkeeper.core.json.CanonicalJson;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.watch.Observation;
import io.watchkeeper.watchers.testing.AwsWatcherTestSupport;
import io.watchkeeper.watchers.testing.Moto;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;

class MetricFilterWatcherTest extends AwsWatcherTestSupport {

    private static final String REGION = "eu-west-1";
    /** CIS AWS 4.1 (unauthorised API calls). */
    static final String UNAUTHORIZED = "{ ($.errorCode = \"*UnauthorizedOperation\") || ($.errorCode = \"AccessDenied*\") "
            + "&& ($.sourceIPAddress!=\"delivery.logs.amazonaws.com\") && ($.eventName!=\"HeadBucket\") }";

    private final MetricFilterWatcher watcher = new MetricFilterWatcher();

    @Test
    void readsFiltersWithTheirLogGroupAndMetric() {
        CloudWatchLogsClient logs = moto.client(CloudWatchLogsClient.builder(), REGION);
        logs.createLogGroup(r -> r.logGroupName("cloudtrail/org"));
        logs.createLogGroup(r -> r.logGroupName("app"));
        logs.putMetricFilter(r -> r.logGroupName("cloudtrail/org").filterName("unauthorized-api-calls")
                .filterPattern(UNAUTHORIZED).metricTransformations(t -> t.metricName("UnauthorizedAPICalls")
                        .metricNamespace("CISBenchmark").metricValue("1")));
        logs.putMetricFilter(r -> r.logGroupName("app").filterName("errors").filterPattern("ERROR")
                .metricTransformations(t -> t.metricName("Errors").metricNamespace("App").metricValue("1").defaultValue(0.0)));

        List<Observation<MetricFilterConfig>> all = observe(watcher, REGION);
        assertThat(all).extracting(Observation::resourceId).containsExactlyInAnyOrder(
                "arn:aws:logs:eu-west-1:" + Moto.ACCOUNT_ID + ":log-group:cloudtrail/org:metric-filter/unauthorized-api-calls",
                "arn:aws:logs:eu-west-1:" + Moto.ACCOUNT_ID + ":log-group:app:metric-filter/errors");
        Map<String, MetricFilterConfig> byName = configs(watcher, REGION);
        MetricFilterConfig cis = byName.get("unauthorized-api-calls");
        assertThat(cis.logGroupName()).isEqualTo("cloudtrail/org");
        assertThat(cis.logGroupArn()).isEqualTo("arn:aws:logs:eu-west-1:" + Moto.ACCOUNT_ID + ":log-group:cloudtrail/org");
        assertThat(cis.filterPattern()).isEqualTo(UNAUTHORIZED);
        assertThat(cis.metricTransformations()).containsExactly(
                new MetricTransformation("UnauthorizedAPICalls", "CISBenchmark", "1", null, null, Map.of()));
        assertThat(byName.get("errors").metricTransformations().getFirst().defaultValue()).isEqualTo(0.0);
        assertThat(Json.read(CanonicalJson.of(cis).fullText(), MetricFilterConfig.class)).isEqualTo(cis);
    }

    @Test
    void aRegionWithoutFiltersHasNone() {
        CloudWatchLogsClient logs = moto.client(CloudWatchLogsClient.builder(), REGION);
        logs.createLogGroup(r -> r.logGroupName("no-filters"));
        assertThat(observe(watcher, REGION)).isEmpty();
    }
}
