package io.watchkeeper.core.config.aws;

import io.watchkeeper.core.json.Ephemeral;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A CloudWatch alarm ({@code aws.cloudwatch.alarm}), metric or composite. Its SNS actions name
 * topics; who receives them is on the {@code aws.sns.topic} items.
 *
 * @param alarmName the alarm's name
 * @param alarmArn its ARN
 * @param kind metric or composite
 * @param description its description, or null
 * @param actionsEnabled whether its actions run
 * @param alarmActions ARNs notified on ALARM (SNS topics, Auto Scaling, …), sorted
 * @param okActions ARNs notified on OK, sorted
 * @param insufficientDataActions ARNs notified on INSUFFICIENT_DATA, sorted
 * @param metricName the metric (single-metric alarms), or null
 * @param namespace its namespace, or null
 * @param statistic Sum, Average, …, or null
 * @param extendedStatistic a percentile statistic, or null
 * @param dimensions the metric's dimensions
 * @param period seconds, or null
 * @param evaluationPeriods periods compared, or null
 * @param datapointsToAlarm breaching data points needed, or null
 * @param threshold the threshold, or null
 * @param comparisonOperator GreaterThanOrEqualToThreshold, …, or null
 * @param treatMissingData breaching, notBreaching, ignore or missing, or null
 * @param metrics metric-math queries (alarms on several metrics), in the alarm's order; empty otherwise
 * @param alarmRule the rule of a composite alarm, or null
 * @param stateValue OK, ALARM or INSUFFICIENT_DATA now (traffic, not configuration)
 * @param stateUpdatedTimestamp when the state last changed
 */
public record CloudWatchAlarmConfig(
        String alarmName,
        String alarmArn,
        String kind,
        String description,
        Boolean actionsEnabled,
        List<String> alarmActions,
        List<String> okActions,
        List<String> insufficientDataActions,
        String metricName,
        String namespace,
        String statistic,
        String extendedStatistic,
        Map<String, String> dimensions,
        Integer period,
        Integer evaluationPeriods,
        Integer datapointsToAlarm,
        Double threshold,
        String comparisonOperator,
        String treatMissingData,
        List<MetricQuery> metrics,
        String alarmRule,
        @Ephemeral String stateValue,
        @Ephemeral Instant stateUpdatedTimestamp) {

    /**
     * One query of a metric-math alarm.
     *
     * @param id the query's id
     * @param expression a math expression, or null
     * @param metricName the metric read, or null
     * @param namespace its namespace, or null
     * @param stat its statistic, or null
     * @param returnData whether this query is the alarm's value
     */
    public record MetricQuery(String id, String expression, String metricName, String namespace, String stat,
                              Boolean returnData) {}
}
