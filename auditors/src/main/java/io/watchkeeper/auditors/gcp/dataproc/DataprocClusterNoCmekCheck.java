package io.watchkeeper.auditors.gcp.dataproc;

import com.google.auto.service.AutoService;
import io.watchkeeper.auditors.gcp.GcpCheck;
import io.watchkeeper.auditors.gcp.Members;
import io.watchkeeper.core.config.gcp.GcpDataprocClusterConfig;
import io.watchkeeper.core.finding.AuditContext;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import io.watchkeeper.core.finding.Severity;
import io.watchkeeper.core.json.Json;
import java.util.List;

/** CIS 8.1 (level 2): a Dataproc cluster whose persistent disks are not encrypted with a customer-managed key. */
@AutoService(Check.class)
public final class DataprocClusterNoCmekCheck extends GcpCheck<GcpDataprocClusterConfig> {

    public DataprocClusterNoCmekCheck() {
        super("gcp.dataproc.cluster/no-cmek", GcpDataprocClusterConfig.class, Severity.LOW,
                "Dataproc cluster is not encrypted with a customer-managed key",
                "The cluster's persistent disks are encrypted with Google-managed keys, which the organisation cannot revoke, "
                        + "rotate or audit separately.",
                "Recreate the cluster with a Cloud KMS key (gcloud dataproc clusters create … --gce-pd-kms-key=…); the key "
                        + "cannot be added to a running cluster.", "8.1");
    }

    @Override
    public List<Evidence> evaluate(GcpDataprocClusterConfig cluster, AuditContext context) {
        if (cluster.gcePdKmsKeyName() != null && !cluster.gcePdKmsKeyName().isBlank()) {
            return List.of();
        }
        return List.of(Members.evidence("cmek", "Persistent disks without a Cloud KMS key", Exposure.INTERNAL,
                Json.object().put("state", String.valueOf(cluster.state()))));
    }
}
