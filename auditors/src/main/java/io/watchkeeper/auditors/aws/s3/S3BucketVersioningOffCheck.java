package io.watchkeeper.auditors.aws.s3;

import com.google.auto.service.AutoService;
import io.watchkeeper.auditors.aws.resourcepolicy.ResourcePolicyEvidence;
import io.watchkeeper.core.config.aws.S3BucketConfig;
import io.watchkeeper.core.finding.AuditContext;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.CheckId;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import io.watchkeeper.core.finding.Severity;
import io.watchkeeper.core.json.Json;
import java.util.List;

/** Versioning is not Enabled (never enabled, or Suspended). */
@AutoService(Check.class)
public final class S3BucketVersioningOffCheck implements Check<S3BucketConfig> {

    @Override public CheckId id() { return CheckId.of("aws.s3.bucket/versioning-off"); }
    @Override public Class<S3BucketConfig> configType() { return S3BucketConfig.class; }
    @Override public Severity severity() { return Severity.LOW; }
    @Override public String title() { return "S3 bucket versioning is off"; }
    @Override public String rationale() {
        return "Without versioning, an overwrite or delete (by mistake, a bug or ransomware) destroys the data "
                + "for good.";
    }
    @Override public String remediation() {
        return "Enable versioning, with a lifecycle rule expiring noncurrent versions to bound the cost.";
    }
    @Override public List<String> controls() { return List.of(); }

    @Override
    public List<Evidence> evaluate(S3BucketConfig bucket, AuditContext context) {
        if ("Enabled".equals(bucket.versioning())) {
            return List.of();
        }
        String state = bucket.versioning() == null ? "never enabled" : bucket.versioning();
        return List.of(new Evidence("versioning", ResourcePolicyEvidence.line("Versioning is " + state), Exposure.INTERNAL,
                Json.object().put("versioning", state)));
    }
}
