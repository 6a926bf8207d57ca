package io.watchkeeper.auditors.gcp.bigquery;

import com.google.auto.service.AutoService;
import io.watchkeeper.auditors.gcp.GcpCheck;
import io.watchkeeper.auditors.gcp.Members;
import io.watchkeeper.core.config.gcp.GcpBigQueryDatasetConfig;
import io.watchkeeper.core.finding.AuditContext;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import io.watchkeeper.core.finding.Severity;
import io.watchkeeper.core.json.Json;
import java.util.ArrayList;
import java.util.List;

/** CIS 7.3 (level 2): no default customer-managed encryption key. */
@AutoService(Check.class)
public final class DatasetNoDefaultCmekCheck extends GcpCheck<GcpBigQueryDatasetConfig> {

    public DatasetNoDefaultCmekCheck() {
        super("gcp.bigquery.dataset/no-default-cmek", GcpBigQueryDatasetConfig.class, Severity.LOW, "BigQuery dataset has no default customer-managed key",
                "New tables are encrypted with Google-managed keys, which the organisation cannot revoke or audit separately.",
                "Set a default Cloud KMS key on the dataset (bq update --default_kms_key=…).", "7.3");
    }

    @Override
    public List<Evidence> evaluate(GcpBigQueryDatasetConfig dataset, AuditContext context) {
        if (dataset.defaultKmsKeyName() != null && !dataset.defaultKmsKeyName().isBlank()) {
            return List.of();
        }
        return List.of(Members.evidence("default-cmek", "No default Cloud KMS key", Exposure.INTERNAL, Json.object()));
    }
}
