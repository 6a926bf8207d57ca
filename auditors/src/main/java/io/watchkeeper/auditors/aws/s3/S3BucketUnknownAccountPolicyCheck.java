package io.watchkeeper.auditors.aws.s3;

import com.google.auto.service.AutoService;
import io.watchkeeper.auditors.aws.resourcepolicy.ResourcePolicyEvidence;
import io.watchkeeper.core.config.aws.S3BucketConfig;
import io.watchkeeper.core.finding.AuditContext;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.CheckId;
import io.watchkeeper.core.finding.EntityClass;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Severity;
import io.watchkeeper.core.model.ResourceType;
import java.util.List;
import java.util.Set;

/**
 * The bucket policy lets in an account nobody registered. The ACL owner's canonical id and CloudFront
 * origin access identities are the bucket's own; RestrictPublicBuckets cuts every cross-account
 * grant of a public policy.
 */
@AutoService(Check.class)
public final class S3BucketUnknownAccountPolicyCheck implements Check<S3BucketConfig> {

    private static final String CLOUDFRONT_OAI = "arn:aws:iam::cloudfront:user/";

    @Override public CheckId id() { return CheckId.of("aws.s3.bucket/unknown-account-policy"); }
    @Override public Class<S3BucketConfig> configType() { return S3BucketConfig.class; }
    @Override public Severity severity() { return Severity.HIGH; }
    @Override public String title() { return "S3 bucket policy grants access to an unknown account"; }
    @Override public String rationale() {
        return "An account that is neither this one nor registered (friendly or third party) can reach the "
                + "bucket's data.";
    }
    @Override public String remediation() {
        return "Remove the statement, or register the account as friendly or third party if the access is intended.";
    }
    @Override public List<String> controls() { return List.of(); }
    @Override public Set<ResourceType> dependsOn() { return Set.of(S3BlockPublicAccess.ACCOUNT); }

    @Override
    public List<Evidence> evaluate(S3BucketConfig bucket, AuditContext context) {
        var reading = ResourcePolicyEvidence.read(bucket.policy(), context);
        if (S3BlockPublicAccess.restrictsPublicBuckets(bucket, context)
                && reading.grants().stream().anyMatch(g -> g.entity() == EntityClass.INTERNET)) {
            return List.of();
        }
        return ResourcePolicyEvidence.grantsTo(reading.grants().stream()
                .filter(g -> !g.principal().equals(bucket.aclOwner()) && !g.principal().startsWith(CLOUDFRONT_OAI))
                .toList(), EntityClass.UNKNOWN);
    }
}
