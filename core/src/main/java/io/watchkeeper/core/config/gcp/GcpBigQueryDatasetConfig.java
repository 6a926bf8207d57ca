package io.watchkeeper.core.config.gcp;

import io.watchkeeper.core.json.Ephemeral;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A BigQuery dataset ({@code gcp.bigquery.dataset}) with its access entries.
 *
 * @param datasetId the dataset id
 * @param location US, EU, a region, …
 * @param access the access entries, sorted
 * @param defaultKmsKeyName the default CMEK for new tables, or null
 * @param defaultTableExpirationMs default table lifetime, or null
 * @param labels labels
 * @param createTime when the dataset was created
 * @param lastModifiedTime when its metadata last changed
 */
public record GcpBigQueryDatasetConfig(
        String datasetId,
        String location,
        List<Access> access,
        String defaultKmsKeyName,
        Long defaultTableExpirationMs,
        Map<String, String> labels,
        Instant createTime,
        @Ephemeral Instant lastModifiedTime) {

    /**
     * One access entry.
     *
     * @param role OWNER, WRITER, READER or an IAM role name
     * @param entityType userByEmail, groupByEmail, domain, specialGroup, iamMember, view, routine or dataset
     * @param entity the entity ({@code allAuthenticatedUsers}, {@code projectReaders}, an e-mail, a domain,
     *     {@code allUsers} as iamMember, or {@code project.dataset.table} for authorised views)
     */
    public record Access(String role, String entityType, String entity) {}
}
