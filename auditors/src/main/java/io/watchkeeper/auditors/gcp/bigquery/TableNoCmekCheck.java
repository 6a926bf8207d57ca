package io.watchkeeper.auditors.gcp.bigquery;

import com.google.auto.service.AutoService;
import io.watchkeeper.auditors.gcp.GcpCheck;
import io.watchkeeper.auditors.gcp.Members;
import io.watchkeeper.core.config.gcp.GcpBigQueryTableConfig;
import io.watchkeeper.core.finding.AuditContext;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import io.watchkeeper.core.finding.Severity;
import io.watchkeeper.core.json.Json;
import java.util.List;
import java.util.Set;

/**
 * CIS 7.2 (level 2): a BigQuery table holding data (table, materialized view, snapshot) without a customer-managed
 * key. Views and external tables store nothing in BigQuery; a table the watcher did not describe (its encryption
 * unknown) is not judged.
 */
@AutoService(Check.class)
public final class TableNoCmekCheck extends GcpCheck<GcpBigQueryTableConfig> {

    static final Set<String> STORED = Set.of("TABLE", "MATERIALIZED_VIEW", "SNAPSHOT");

    public TableNoCmekCheck() {
        super("gcp.bigquery.table/no-cmek", GcpBigQueryTableConfig.class, Severity.LOW,
                "BigQuery table is not encrypted with a customer-managed key",
                "The table's data is encrypted with Google-managed keys, which the organisation cannot revoke, rotate or audit "
                        + "separately.",
                "Copy the table with a Cloud KMS key (bq cp --destination_kms_key=… or bq update --destination_kms_key), "
                        + "and set a default key on the dataset for new tables.", "7.2");
    }

    @Override
    public List<Evidence> evaluate(GcpBigQueryTableConfig table, AuditContext context) {
        if (!table.described() || !STORED.contains(String.valueOf(table.type()))
                || table.kmsKeyName() != null && !table.kmsKeyName().isBlank()) {
            return List.of();
        }
        return List.of(Members.evidence("cmek", "No Cloud KMS key", Exposure.INTERNAL,
                Json.object().put("type", String.valueOf(table.type()))));
    }
}
