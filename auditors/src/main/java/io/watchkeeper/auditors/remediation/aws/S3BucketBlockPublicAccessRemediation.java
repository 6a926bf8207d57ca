package io.watchkeeper.auditors.remediation.aws;

import com.google.auto.service.AutoService;
import io.watchkeeper.core.config.aws.PublicAccessBlock;
import io.watchkeeper.core.config.aws.S3BucketConfig;
import io.watchkeeper.core.finding.CheckId;
import io.watchkeeper.core.finding.FindingView;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.remediation.ApiCall;
import io.watchkeeper.core.remediation.Remediation;
import io.watchkeeper.core.remediation.RemediationPlan;
import io.watchkeeper.core.watch.CloudSession;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns on all four Block Public Access settings of a bucket (PutPublicAccessBlock), which
 * neutralises public policies and public ACLs alike. Rollback puts back the settings stored
 * before, or deletes the bucket's configuration (DeletePublicAccessBlock) when it had none.
 */
@AutoService(Remediation.class)
public final class S3BucketBlockPublicAccessRemediation implements Remediation<S3BucketConfig> {

    /** Bucket names as S3 reports them (current rules, and legacy us-east-1 names with capitals and underscores). */
    static final Pattern BUCKET = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{1,253}[A-Za-z0-9]");
    private static final Set<CheckId> FIXES = Set.of(CheckId.of("aws.s3.bucket/public-policy"),
            CheckId.of("aws.s3.bucket/public-acl"));
    private static final List<String> SETTINGS = List.of("BlockPublicAcls", "IgnorePublicAcls", "BlockPublicPolicy",
            "RestrictPublicBuckets");
    private static final Map<String, List<String>> CALLS = Map.of(
            "s3:PutPublicAccessBlock", List.of("Bucket", "PublicAccessBlockConfiguration"),
            "s3:DeletePublicAccessBlock", List.of("Bucket"));

    @Override public String id() { return "aws.s3.bucket/block-public-access"; }
    @Override public CheckId fixes() { return CheckId.of("aws.s3.bucket/public-policy"); }
    @Override public Class<S3BucketConfig> configType() { return S3BucketConfig.class; }
    @Override public Set<String> requiredPermissions() { return Set.of("s3:PutBucketPublicAccessBlock"); }
    @Override public String description() {
        return "Turn on all four Block Public Access settings of the bucket (public policies and ACLs stop working).";
    }

    @Override
    public RemediationPlan plan(FindingView finding, S3BucketConfig config) {
        String bucket = AwsCalls.valid(config.name(), BUCKET, "bucket name");
        AwsCalls.accept(this, finding, "arn:aws:s3:::" + bucket, FIXES);
        String region = AwsCalls.region(finding);
        if (config.publicAccessBlock() != null && config.publicAccessBlock().allBlocked()) {
            return AwsCalls.plan(this, finding, region, "nothing to do: Block Public Access is already fully on");
        }
        return AwsCalls.plan(this, finding, region, "Turn on all four Block Public Access settings of bucket " + bucket,
                put(bucket, new PublicAccessBlock(true, true, true, true)));
    }

    @Override
    public RemediationPlan rollback(RemediationPlan applied, S3BucketConfig before) {
        String bucket = AwsCalls.valid(before.name(), BUCKET, "bucket name");
        PublicAccessBlock previous = before.publicAccessBlock();
        List<ApiCall> calls = applied.empty() ? List.of() : previous == null
                ? List.of(new ApiCall("s3", "DeletePublicAccessBlock", Json.object().put("Bucket", bucket)))
                : List.of(put(bucket, previous));
        return AwsCalls.rollback(this, applied, "arn:aws:s3:::" + bucket, previous == null
                ? "Delete the Block Public Access configuration of bucket " + bucket + " (it had none)"
                : "Put back the previous Block Public Access settings of bucket " + bucket, calls);
    }

    @Override
    public void execute(ApiCall call, CloudSession session) {
        AwsCalls.expect(this, call, CALLS);
        var s3 = AwsCalls.aws(session).s3();
        String bucket = AwsCalls.text(call.parameters(), "Bucket", BUCKET, "bucket name");
        switch (call.service() + ":" + call.operation()) {
            case "s3:PutPublicAccessBlock" -> {
                JsonNode c = call.parameters().path("PublicAccessBlockConfiguration");
                if (!c.isObject() || !SETTINGS.containsAll(c.propertyNames())) {
                    throw new IllegalArgumentException(id() + " sets only " + SETTINGS);
                }
                AwsCalls.run(call, () -> s3.putPublicAccessBlock(r -> r.bucket(bucket).publicAccessBlockConfiguration(p -> p
                        .blockPublicAcls(AwsCalls.bool(c, SETTINGS.get(0)))
                        .ignorePublicAcls(AwsCalls.bool(c, SETTINGS.get(1)))
                        .blockPublicPolicy(AwsCalls.bool(c, SETTINGS.get(2)))
                        .restrictPublicBuckets(AwsCalls.bool(c, SETTINGS.get(3))))));
            }
            case "s3:DeletePublicAccessBlock" -> AwsCalls.run(call, () -> s3.deletePublicAccessBlock(r -> r.bucket(bucket)));
            default -> throw AwsCalls.unknown(this, call);
        }
    }

    /** PutPublicAccessBlock with {@code settings}; settings that are not set stay out of the call. */
    private static ApiCall put(String bucket, PublicAccessBlock settings) {
        ObjectNode params = Json.object().put("Bucket", bucket);
        ObjectNode c = params.putObject("PublicAccessBlockConfiguration");
        Boolean[] values = {settings.blockPublicAcls(), settings.ignorePublicAcls(), settings.blockPublicPolicy(),
                settings.restrictPublicBuckets()};
        for (int i = 0; i < SETTINGS.size(); i++) {
            if (values[i] != null) {
                c.put(SETTINGS.get(i), values[i]);
            }
        }
        return new ApiCall("s3", "PutPublicAccessBlock", params);
    }
}
