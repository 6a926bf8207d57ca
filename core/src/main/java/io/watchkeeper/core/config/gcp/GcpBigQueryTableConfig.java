package io.watchkeeper.core.config.gcp;

import io.watchkeeper.core.json.Ephemeral;
import java.time.Instant;
import java.util.Map;

/**
 * A BigQuery table ({@code gcp.bigquery.table}): tables, materialized views and snapshots are described
 * ({@code tables.get}: the list carries no encryption); views and external tables hold no BigQuery storage and are
 * recorded from the list alone.
 *
 * @param datasetId the dataset
 * @param tableId the table
 * @param type TABLE, VIEW, EXTERNAL, MATERIALIZED_VIEW or SNAPSHOT
 * @param location the dataset's location, or null when not described
 * @param described whether the table was read with {@code tables.get} (its encryption is known)
 * @param kmsKeyName the customer-managed key protecting it, or null (Google-managed, or not described)
 * @param labels labels
 * @param createTime when the table was created
 * @param expirationTime when it expires, or null
 * @param lastModifiedTime when its data or metadata last changed
 */
public record GcpBigQueryTableConfig(
        String datasetId,
        String tableId,
        String type,
        String location,
        boolean described,
        String kmsKeyName,
        Map<String, String> labels,
        Instant createTime,
        Instant expirationTime,
        @Ephemeral Instant lastModifiedTime) {}
