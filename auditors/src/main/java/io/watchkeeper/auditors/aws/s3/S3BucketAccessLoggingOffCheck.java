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

/** Server access logging is off. */
@AutoService(Check.class)
public final class S3BucketAccessLoggingOffCheck implements Check<S3BucketConfig> {

    @Override public CheckId id() { return CheckId.of("aws.s3.bucket/access-logging-off"); }
    @Override public Class<S3BucketConfig> configType() { return S3BucketConfig.class; }
    @Override public Severity severity() { return Severity.LOW; }
    @Override public String title() { return "S3 bucket access logging is off"; }
    @Override public String rationale() {
        return "Without server access logs (or CloudTrail data events), reads and writes of the bucket leave no trace "
                + "to investigate an incident with.";
    }
    @Override public String remediation() {
        return "Enable server access logging to a dedicated log bucket, or CloudTrail S3 data events.";
    }
    @Override public List<String> controls() { return List.of(); }

    @Override
    public List<Evidence> evaluate(S3BucketConfig bucket, AuditContext context) {
        var logging = bucket.logging();
        if (logging != null && logging.targetBucket() != null && !logging.targetBucket().isBlank()) {
            return List.of();
        }
        return List.of(Evidence.of("logging", "Server access logging is off", Exposure.INTERNAL, Map.of("logging", "off")));
    }
}
