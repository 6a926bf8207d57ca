package io.watchkeeper.auditors.aws.s3;

import com.google.auto.service.AutoService;
import io.watchkeeper.core.config.aws.S3BucketConfig;
import io.watchkeeper.core.finding.AuditContext;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.CheckId;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import io.watchkeeper.core.finding.Severity;
import io.watchkeeper.core.json.Json;
import java.util.List;

/** Versioning is Enabled but MFA delete is not (buckets without versioning are {@code versioning-off}). */
@AutoService(Check.class)
public final class S3BucketMfaDeleteOffCheck implements Check<S3BucketConfig> {

    @Override public CheckId id() { return CheckId.of("aws.s3.bucket/mfa-delete-off"); }
    @Override public Class<S3BucketConfig> configType() { return S3BucketConfig.class; }
    @Override public Severity severity() { return Severity.LOW; }
    @Override public String title() { return "S3 bucket versioning has no MFA delete"; }
    @Override public String rationale() {
        return "Without MFA delete, stolen credentials suffice to suspend versioning and delete every object "
                + "version.";
    }
    @Override public String remediation() {
        return "As the root user with an MFA device, enable MFA delete (put-bucket-versioning --mfa ... "
                + "MFADelete=Enabled).";
    }
    @Override public List<String> controls() { return List.of("CIS-AWS-3.0:2.1.2"); }

    @Override
    public List<Evidence> evaluate(S3BucketConfig bucket, AuditContext context) {
        if (!"Enabled".equals(bucket.versioning()) || "Enabled".equals(bucket.mfaDelete())) {
            return List.of();
        }
        String state = bucket.mfaDelete() == null ? "never enabled" : bucket.mfaDelete();
        return List.of(new Evidence("mfa-delete", "MFA delete is off on a versioned bucket", Exposure.INTERNAL,
                Json.object().put("versioning", bucket.versioning()).put("mfaDelete", state)));
    }
}
