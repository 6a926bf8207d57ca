package io.watchkeeper.auditors.aws.cloudtrail;

import com.google.auto.service.AutoService;
import io.watchkeeper.core.config.aws.CloudTrailTrailConfig;
import io.watchkeeper.core.finding.AuditContext;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.CheckId;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import io.watchkeeper.core.finding.Severity;
import java.util.List;
import java.util.Map;

/** CloudTrail logs are not encrypted with a KMS key. */
@AutoService(Check.class)
public final class CloudTrailTrailNotKmsEncryptedCheck implements Check<CloudTrailTrailConfig> {

    @Override public CheckId id() { return CheckId.of("aws.cloudtrail.trail/not-kms-encrypted"); }
    @Override public Class<CloudTrailTrailConfig> configType() { return CloudTrailTrailConfig.class; }
    @Override public Severity severity() { return Severity.LOW; }
    @Override public String title() { return "CloudTrail logs are not encrypted with a KMS key"; }
    @Override public String rationale() {
        return "With SSE-S3 only, anyone who can read the bucket can read the logs; a KMS key adds its own access control and audit.";
    }
    @Override public String remediation() {
        return "Encrypt the trail's log files with a customer managed KMS key (update-trail --kms-key-id).";
    }
    @Override public List<String> controls() { return List.of("CIS-AWS-3.0:3.5"); }

    @Override
    public List<Evidence> evaluate(CloudTrailTrailConfig trail, AuditContext context) {
        if (trail.kmsKeyId() != null && !trail.kmsKeyId().isBlank()) {
            return List.of();
        }
        return List.of(Evidence.of("encryption", "Log files are not encrypted with a KMS key (SSE-S3 only)",
                Exposure.INTERNAL, Map.of("kmsKeyId", "none")));
    }
}
