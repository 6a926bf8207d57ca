package io.watchkeeper.auditors.gcp.storage;

import com.google.auto.service.AutoService;
import io.watchkeeper.auditors.gcp.GcpCheck;
import io.watchkeeper.auditors.gcp.Members;
import io.watchkeeper.core.config.gcp.GcpBucketConfig;
import io.watchkeeper.core.finding.AuditContext;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import io.watchkeeper.core.finding.Severity;
import io.watchkeeper.core.json.Json;
import java.util.ArrayList;
import java.util.List;

/** CIS 5.2: uniform bucket-level access is off. */
@AutoService(Check.class)
public final class BucketUniformAccessOffCheck extends GcpCheck<GcpBucketConfig> {

    public BucketUniformAccessOffCheck() {
        super("gcp.storage.bucket/uniform-access-off", GcpBucketConfig.class, Severity.MEDIUM, "Bucket uses fine-grained ACLs (uniform bucket-level access off)",
                "With ACLs, any object can be made public on its own, and IAM policy reviews miss those grants.",
                "Enable uniform bucket-level access (gcloud storage buckets update --uniform-bucket-level-access) after moving ACL grants to IAM.", "5.2");
    }

    @Override
    public List<Evidence> evaluate(GcpBucketConfig bucket, AuditContext context) {
        if (bucket.uniformBucketLevelAccess()) {
            return List.of();
        }
        return List.of(Members.evidence("uniform-access", "Uniform bucket-level access is off", Exposure.INTERNAL,
                Json.object().put("uniformBucketLevelAccess", false)));
    }
}
