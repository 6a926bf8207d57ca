package io.watchkeeper.auditors.aws.s3;

import com.google.auto.service.AutoService;
import io.watchkeeper.core.config.aws.S3BucketConfig;
import io.watchkeeper.core.finding.AuditContext;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.CheckId;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import io.watchkeeper.core.finding.Severity;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The bucket has no default-encryption rule. */
@AutoService(Check.class)
public final class S3BucketNoDefaultEncryptionCheck implements Check<S3BucketConfig> {

    @Override public CheckId id() { return CheckId.of("aws.s3.bucket/no-default-encryption"); }
    @Override public Class<S3BucketConfig> configType() { return S3BucketConfig.class; }
    @Override public Severity severity() { return Severity.LOW; }
    @Override public String title() { return "S3 bucket has no default encryption"; }
    @Override public String rationale() {
        return "Objects written without an encryption header are stored unencrypted unless the bucket sets a "
                + "default.";
    }
    @Override public String remediation() {
        return "Set default encryption (SSE-S3, or SSE-KMS with a customer key and S3 Bucket Keys).";
    }
    @Override public List<String> controls() { return List.of(); }

    @Override
    public List<Evidence> evaluate(S3BucketConfig bucket, AuditContext context) {
        if (bucket.encryption() != null && bucket.encryption().stream().anyMatch(Objects::nonNull)) {
            return List.of();
        }
        return List.of(Evidence.of("encryption", "No default encryption rule", Exposure.INTERNAL,
                Map.of("rules", List.of())));
    }
}
