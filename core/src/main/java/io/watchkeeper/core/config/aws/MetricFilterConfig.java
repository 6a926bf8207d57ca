package io.watchkeeper.core.config.aws;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A CloudWatch Logs metric filter ({@code aws.logs.metric-filter}) with the log group it reads.
 *
 * @param filterName the filter's name (unique within its log group)
 * @param logGroupName the log group it reads
 * @param logGroupArn that log group's ARN (without the trailing {@code :*})
 * @param filterPattern the pattern, as written
 * @param metricTransformations the metrics it publishes
 * @param creationTime when it was created
 */
public record MetricFilterConfig(
        String filterName,
        String logGroupName,
        String logGroupArn,
        String filterPattern,
        List<MetricTransformation> metricTransformations,
        Instant creationTime) {

    /**
     * One published metric.
     *
     * @param metricName the metric
     * @param metricNamespace its namespace
     * @param metricValue what is published per match (usually "1")
     * @param defaultValue published when nothing matches, or null
     * @param unit the unit, or null
     * @param dimensions dimension name to log field
     */
    public record MetricTransformation(String metricName, String metricNamespace, String metricValue,
                                       Double defaultValue, String unit, Map<String, String> dimensions) {}
}
