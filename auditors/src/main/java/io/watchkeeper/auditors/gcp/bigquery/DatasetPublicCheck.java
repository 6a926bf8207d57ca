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

/** CIS 7.1: an access entry for allUsers or allAuthenticatedUsers. */
@AutoService(Check.class)
public final class DatasetPublicCheck extends GcpCheck<GcpBigQueryDatasetConfig> {

    public DatasetPublicCheck() {
        super("gcp.bigquery.dataset/public", GcpBigQueryDatasetConfig.class, Severity.CRITICAL, "BigQuery dataset is shared with allUsers or allAuthenticatedUsers",
                "Anyone on the internet (or anyone with a Google account) can query the dataset's tables.",
                "Remove the allUsers / allAuthenticatedUsers access entries (bq update --source with the entries removed).", "7.1");
    }

    @Override
    public List<Evidence> evaluate(GcpBigQueryDatasetConfig dataset, AuditContext context) {
        List<Evidence> out = new ArrayList<>();
        for (var entry : Members.list(dataset.access())) {
            String entity = entry.entity();
            if (entity != null && (Members.isPublic(entity.strip()) || Members.isPublic(entity.strip().replaceFirst("^specialGroup:", "")))) {
                out.add(Members.evidence("access:" + entry.role() + ":" + entity.strip(), entity.strip() + " has " + entry.role(),
                        Exposure.INTERNET, Json.object().put("role", entry.role()).put("entity", entity.strip())
                        .put("entityType", entry.entityType())));
            }
        }
        return out;
    }
}
