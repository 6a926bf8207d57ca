package io.watchkeeper.auditors.aws.s3;

import com.google.auto.service.AutoService;
import io.watchkeeper.core.config.aws.PublicAccessBlock;
import io.watchkeeper.core.config.aws.S3BucketConfig;
import io.watchkeeper.core.finding.AuditContext;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.CheckId;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import io.watchkeeper.core.finding.Severity;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.model.ResourceType;
import java.util.List;
import java.util.Set;

/** Block Public Access is not fully on for the bucket, neither by its own settings nor by the account's. */
@AutoService(Check.class)
public final class S3BucketBlockPublicAccessOffCheck implements Check<S3BucketConfig> {

    @Override public CheckId id() { return CheckId.of("aws.s3.bucket/block-public-access-off"); }
    @Override public Class<S3BucketConfig> configType() { return S3BucketConfig.class; }
    @Override public Severity severity() { return Severity.MEDIUM; }
    @Override public String title() { return "S3 Block Public Access is not fully on for the bucket"; }
    @Override public String rationale() {
        return "Without all four Block Public Access settings, one careless ACL or policy change makes the "
                + "bucket public.";
    }
    @Override public String remediation() {
        return "Turn on all four Block Public Access settings on the bucket, or better, on the account.";
    }
    @Override public List<String> controls() { return List.of("CIS-AWS-3.0:2.1.4"); }
    @Override public Set<ResourceType> dependsOn() { return Set.of(S3BlockPublicAccess.ACCOUNT); }

    @Override
    public List<Evidence> evaluate(S3BucketConfig bucket, AuditContext context) {
        PublicAccessBlock effective = S3BlockPublicAccess.effective(bucket, context);
        if (effective.allBlocked()) {
            return List.of();
        }
        var details = Json.object();
        details.set("effective", Json.tree(effective));
        details.set("bucket", bucket.publicAccessBlock() == null ? null : Json.tree(bucket.publicAccessBlock()));
        details.set("account", Json.tree(S3BlockPublicAccess.account(context)));
        return List.of(new Evidence("block-public-access",
                "Block Public Access is not fully on (bucket and account settings combined)", Exposure.INTERNAL, details));
    }
}
