package io.watchkeeper.watchers.aws.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.config.aws.CloudWatchAlarmConfig;
import io.watchkeeper.core.json.CanonicalJson;
import io.watchkeeper.core.json.EphemeralPaths;
import io.watchkeeper.watchers.testing.AwsWatcherTestSupport;
import io.watchkeeper.watchers.testing.Moto;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;

class CloudWatchAlarmWatcherTest extends AwsWatcherTestSupport {

    private static final String REGION = "eu-west-1";
    private static final String TOPIC = "arn:aws:sns:eu-west-1:" + Moto.ACCOUNT_ID + ":security-alerts";
    private final CloudWatchAlarmWatcher watcher = new CloudWatchAlarmWatcher();

    @Test
    void readsAnAlarmOnACisMetricWithItsSnsActionAndStateChangesMakeNoRevision() {
        CloudWatchClient cw = moto.client(CloudWatchClient.builder(), REGION);
        cw.putMetricAlarm(r -> r.alarmName("unauthorized-api-calls").metricName("UnauthorizedAPICalls")
                .namespace("CISBenchmark").statistic(Statistic.SUM).period(300).evaluationPeriods(1).threshold(1.0)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD).alarmActions(TOPIC)
                .treatMissingData("notBreaching"));
        cw.putMetricAlarm(r -> r.alarmName("cpu").metricName("CPUUtilization").namespace("AWS/EC2")
                .statistic(Statistic.AVERAGE).period(60).evaluationPeriods(3).threshold(80.0)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD).actionsEnabled(false)
                .dimensions(d -> d.name("InstanceId").value("i-0123456789abcdef0")));

        Map<String, CloudWatchAlarmConfig> byName = configs(watcher, REGION);
        assertThat(byName).containsOnlyKeys("unauthorized-api-calls", "cpu");
        CloudWatchAlarmConfig cis = byName.get("unauthorized-api-calls");
        assertThat(cis.alarmArn()).isEqualTo("arn:aws:cloudwatch:eu-west-1:" + Moto.ACCOUNT_ID
                + ":alarm:unauthorized-api-calls");
        assertThat(cis.kind()).isEqualTo("metric");
        assertThat(cis.metricName()).isEqualTo("UnauthorizedAPICalls");
        assertThat(cis.namespace()).isEqualTo("CISBenchmark");
        assertThat(cis.statistic()).isEqualTo("Sum");
        assertThat(cis.threshold()).isEqualTo(1.0);
        assertThat(cis.comparisonOperator()).isEqualTo("GreaterThanOrEqualToThreshold");
        assertThat(cis.alarmActions()).containsExactly(TOPIC);
        assertThat(cis.actionsEnabled()).isTrue();
        CloudWatchAlarmConfig cpu = byName.get("cpu");
        assertThat(cpu.alarmActions()).isEmpty();
        assertThat(cpu.actionsEnabled()).isFalse();
        assertThat(cpu.dimensions()).isEqualTo(Map.of("InstanceId", "i-0123456789abcdef0"));

        assertThat(EphemeralPaths.of(CloudWatchAlarmConfig.class).describe())
                .containsExactlyInAnyOrder("stateValue", "stateUpdatedTimestamp");
        cw.setAlarmState(r -> r.alarmName("unauthorized-api-calls").stateValue(StateValue.ALARM).stateReason("test"));
        CloudWatchAlarmConfig fired = configs(watcher, REGION).get("unauthorized-api-calls");
        assertThat(fired.stateValue()).isEqualTo("ALARM");
        assertThat(CanonicalJson.of(fired).durableHash()).isEqualTo(CanonicalJson.of(cis).durableHash());
    }

    @Test
    void aRegionWithoutAlarmsHasNone() {
        assertThat(observe(watcher, REGION)).isEmpty();
    }
}
