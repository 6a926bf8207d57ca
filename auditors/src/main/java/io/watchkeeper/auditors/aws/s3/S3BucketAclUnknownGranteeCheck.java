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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A bucket ACL grant to a canonical user other than the ACL owner, or to an e-mail address. Group
 * grants are not this check's business (LogDelivery is fine; AllUsers is {@code public-acl}).
 */
@AutoService(Check.class)
public final class S3BucketAclUnknownGranteeCheck implements Check<S3BucketConfig> {

    @Override public CheckId id() { return CheckId.of("aws.s3.bucket/acl-unknown-grantee"); }
    @Override public Class<S3BucketConfig> configType() { return S3BucketConfig.class; }
    @Override public Severity severity() { return Severity.MEDIUM; }
    @Override public String title() { return "S3 bucket ACL grants access to another account"; }
    @Override public String rationale() {
        return "ACL grants to other canonical users or e-mail addresses give accounts outside this one access "
                + "that bucket policies and IAM do not show.";
    }
    @Override public String remediation() {
        return "Remove the grant, set Object Ownership to BucketOwnerEnforced (ACLs off) and grant access in "
                + "the bucket policy.";
    }
    @Override public List<String> controls() { return List.of(); }

    @Override
    public List<Evidence> evaluate(S3BucketConfig bucket, AuditContext context) {
        if (bucket.aclGrants() == null) {
            return List.of();
        }
        Map<String, Evidence> out = new LinkedHashMap<>();
        for (S3BucketConfig.Grant g : bucket.aclGrants()) {
            if (g == null || g.grantee() == null) {
                continue;
            }
            boolean email = "AmazonCustomerByEmail".equalsIgnoreCase(g.granteeType());
            boolean stranger = "CanonicalUser".equalsIgnoreCase(g.granteeType()) && bucket.aclOwner() != null
                    && !bucket.aclOwner().equalsIgnoreCase(g.grantee());
            if (email || stranger) {
                String key = ResourcePolicyEvidence.key("grant:" + g.grantee() + ":" + g.permission());
                out.putIfAbsent(key, Evidence.of(key, ResourcePolicyEvidence.line("ACL grants " + g.permission() + " to "
                        + (email ? "e-mail " : "canonical user ") + g.grantee()), Exposure.UNKNOWN_ACCOUNT, g));
            }
        }
        return List.copyOf(out.values());
    }
}
