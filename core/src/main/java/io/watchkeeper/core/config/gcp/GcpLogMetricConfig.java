package io.watchkeeper.core.config.gcp;

import io.watchkeeper.core.json.Ephemeral;
import java.time.Instant;

/**
 * A log-based metric ({@code gcp.logging.metric}).
 *
 * @param name the metric's name
 * @param description the description
 * @param filter the logs filter the metric counts
 * @param disabled whether the metric is disabled
 * @param metricKind DELTA, GAUGE or CUMULATIVE, or null
 * @param valueType INT64, DISTRIBUTION, …, or null
 * @param createTime when the metric was created
 * @param updateTime when it last changed
 */
public record GcpLogMetricConfig(
        String name,
        String description,
        String filter,
        boolean disabled,
        String metricKind,
        String valueType,
        Instant createTime,
        @Ephemeral Instant updateTime) {}
