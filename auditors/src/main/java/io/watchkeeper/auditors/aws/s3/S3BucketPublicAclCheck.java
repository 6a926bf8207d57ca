package io.watchkeeper.auditors.aws.s3;

import com.google.auto.service.AutoService;
import io.watchkeeper.core.config.aws.PublicAccessBlock;
import io.watchkeeper.core.config.aws.S3AccountPublicAccessBlockConfig;
import io.watchkeeper.core.config.aws.S3BucketConfig;
import io.watchkeeper.core.finding.AuditContext;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.CheckId;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import io.watchkeeper.core.finding.Severity;
import io.watchkeeper.core.model.ResourceType;
import java.util.List;
import java.util.Set;

/** A bucket ACL grants access to AllUsers or AuthenticatedUsers and Block Public Access does not neutralise it. */
@AutoService(Check.class)
public final class S3BucketPublicAclCheck implements Check<S3BucketConfig> {

    static final ResourceType ACCOUNT_PAB = ResourceType.of("aws.s3.account-public-access-block");
    private static final Set<String> PUBLIC_GROUPS = Set.of("http://acs.amazonaws.com/groups/global/AllUsers",
            "http://acs.amazonaws.com/groups/global/AuthenticatedUsers");

    @Override public CheckId id() { return CheckId.of("aws.s3.bucket/public-acl"); }
    @Override public Class<S3BucketConfig> configType() { return S3BucketConfig.class; }
    @Override public Severity severity() { return Severity.HIGH; }
    @Override public String title() { return "S3 bucket ACL grants access to everyone"; }
    @Override public String rationale() {
        return "An ACL grant to AllUsers or AuthenticatedUsers (any AWS account) exposes the bucket to the internet.";
    }
    @Override public String remediation() {
        return "Remove the grant (set the ACL to private) and turn on Block Public Access (IgnorePublicAcls).";
    }
    @Override public List<String> controls() { return List.of("CIS-AWS-3.0:2.1.4"); }
    @Override public Set<ResourceType> dependsOn() { return Set.of(ACCOUNT_PAB); }

    @Override
    public List<Evidence> evaluate(S3BucketConfig bucket, AuditContext context) {
        if (ignoresPublicAcls(bucket.publicAccessBlock()) || context.related(ACCOUNT_PAB, S3AccountPublicAccessBlockConfig.class)
                .stream().anyMatch(r -> r.config() != null && ignoresPublicAcls(r.config().settings()))) {
            return List.of();
        }
        if (bucket.aclGrants() == null) {
            return List.of();
        }
        return bucket.aclGrants().stream()
                .filter(g -> g != null && g.grantee() != null && PUBLIC_GROUPS.contains(g.grantee()))
                .map(g -> Evidence.of("grant:" + g.grantee().substring(g.grantee().lastIndexOf('/') + 1) + ":" + g.permission(),
                        "ACL grants " + g.permission() + " to " + g.grantee().substring(g.grantee().lastIndexOf('/') + 1),
                        Exposure.INTERNET, g))
                .toList();
    }

    private static boolean ignoresPublicAcls(PublicAccessBlock pab) {
        return pab != null && Boolean.TRUE.equals(pab.ignorePublicAcls());
    }
}
