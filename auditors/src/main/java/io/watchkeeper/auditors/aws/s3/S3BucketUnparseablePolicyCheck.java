package io.watchkeeper.auditors.aws.s3;

import com.google.auto.service.AutoService;
import io.watchkeeper.auditors.aws.resourcepolicy.ResourcePolicyEvidence;
import io.watchkeeper.core.config.aws.S3BucketConfig;
import io.watchkeeper.core.finding.AuditContext;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.CheckId;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Severity;
import java.util.List;

/** The bucket policy cannot be read, so the other policy checks cannot vouch for it. */
@AutoService(Check.class)
public final class S3BucketUnparseablePolicyCheck implements Check<S3BucketConfig> {

    @Override public CheckId id() { return CheckId.of("aws.s3.bucket/unparseable-policy"); }
    @Override public Class<S3BucketConfig> configType() { return S3BucketConfig.class; }
    @Override public Severity severity() { return Severity.MEDIUM; }
    @Override public String title() { return "S3 bucket policy cannot be audited"; }
    @Override public String rationale() {
        return "Watchkeeper could not read the policy, so nobody checked whether it exposes the bucket.";
    }
    @Override public String remediation() {
        return "Review the policy by hand and rewrite it in plain IAM policy grammar (at most a few hundred "
                + "statements).";
    }
    @Override public List<String> controls() { return List.of(); }

    @Override
    public List<Evidence> evaluate(S3BucketConfig bucket, AuditContext context) {
        return ResourcePolicyEvidence.unparseable(bucket.policy(), context);
    }
}
