package io.watchkeeper.auditors.aws.s3;

import com.google.auto.service.AutoService;
import io.watchkeeper.auditors.aws.resourcepolicy.ResourcePolicyEvidence;
import io.watchkeeper.core.config.aws.S3BucketConfig;
import io.watchkeeper.core.finding.AuditContext;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.CheckId;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Severity;
import io.watchkeeper.core.model.ResourceType;
import java.util.List;
import java.util.Set;

/** The bucket policy lets anyone in, and Block Public Access (RestrictPublicBuckets) does not stop it. */
@AutoService(Check.class)
public final class S3BucketPublicPolicyCheck implements Check<S3BucketConfig> {

    @Override public CheckId id() { return CheckId.of("aws.s3.bucket/public-policy"); }
    @Override public Class<S3BucketConfig> configType() { return S3BucketConfig.class; }
    @Override public Severity severity() { return Severity.CRITICAL; }
    @Override public String title() { return "S3 bucket policy grants access to everyone"; }
    @Override public String rationale() {
        return "A bucket policy statement for Principal * (or NotPrincipal) without a condition pinning the caller "
                + "to known accounts, the organisation, a VPC or trusted networks exposes the bucket to the internet.";
    }
    @Override public String remediation() {
        return "Name the principals that need access, or add an aws:PrincipalOrgID / aws:SourceVpce condition; "
                + "turn on Block Public Access (RestrictPublicBuckets and BlockPublicPolicy).";
    }
    @Override public List<String> controls() { return List.of("CIS-AWS-3.0:2.1.4"); }
    @Override public Set<ResourceType> dependsOn() { return Set.of(S3BlockPublicAccess.ACCOUNT); }

    @Override
    public List<Evidence> evaluate(S3BucketConfig bucket, AuditContext context) {
        if (S3BlockPublicAccess.restrictsPublicBuckets(bucket, context)) {
            return List.of();
        }
        return ResourcePolicyEvidence.publicGrants(bucket.policy(), context);
    }
}
