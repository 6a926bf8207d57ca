package io.watchkeeper.auditors.aws.s3;

import com.google.auto.service.AutoService;
import io.watchkeeper.auditors.aws.resourcepolicy.ResourcePolicyEvidence;
import io.watchkeeper.auditors.policy.Statement;
import io.watchkeeper.auditors.policy.Wildcards;
import io.watchkeeper.core.config.aws.S3BucketConfig;
import io.watchkeeper.core.finding.AuditContext;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.CheckId;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import io.watchkeeper.core.finding.Severity;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** No bucket-policy statement denies everyone S3 access over plain HTTP ({@code aws:SecureTransport} false). */
@AutoService(Check.class)
public final class S3BucketInsecureTransportCheck implements Check<S3BucketConfig> {

    private static final List<String> PARTITIONS = List.of("aws", "aws-cn", "aws-us-gov");

    @Override public CheckId id() { return CheckId.of("aws.s3.bucket/insecure-transport"); }
    @Override public Class<S3BucketConfig> configType() { return S3BucketConfig.class; }
    @Override public Severity severity() { return Severity.MEDIUM; }
    @Override public String title() { return "S3 bucket policy does not deny requests over plain HTTP"; }
    @Override public String rationale() {
        return "Without a Deny on aws:SecureTransport false, clients may send data and credentials-signed "
                + "requests unencrypted.";
    }
    @Override public String remediation() {
        return "Add a statement: Effect Deny, Principal *, Action s3:*, Resource the bucket and bucket/*, "
                + "Condition Bool aws:SecureTransport false.";
    }
    @Override public List<String> controls() { return List.of("CIS-AWS-3.0:2.1.1"); }

    @Override
    public List<Evidence> evaluate(S3BucketConfig bucket, AuditContext context) {
        var reading = ResourcePolicyEvidence.read(bucket.policy(), context);
        if (!reading.ok() || reading.statements().stream().anyMatch(s -> deniesPlainHttp(s, bucket.name()))) {
            return List.of();
        }
        return List.of(Evidence.of("secure-transport", bucket.policy() == null ? "No bucket policy, so plain HTTP is allowed"
                : "No statement denies aws:SecureTransport false", Exposure.INTERNAL,
                Map.of("bucketPolicy", bucket.policy() == null ? "none" : "no Deny on aws:SecureTransport false")));
    }

    private static boolean deniesPlainHttp(Statement s, String bucket) {
        return !s.allow() && s.notPrincipals().isEmpty() && s.principals().stream().anyMatch(Statement.Principal::everyone)
                && s.notActions().isEmpty() && s.actions().stream().anyMatch(a -> Wildcards.matches(a, "s3:GetObject"))
                && s.notResources().isEmpty() && s.resources().stream().anyMatch(r -> covers(r, bucket))
                && insecureTransport(s.conditions());
    }

    private static boolean covers(String resource, String bucket) {
        return bucket == null || PARTITIONS.stream().map(p -> "arn:" + p + ":s3:::" + bucket)
                .anyMatch(arn -> Wildcards.matches(resource, arn) || Wildcards.matches(resource, arn + "/object"));
    }

    private static boolean insecureTransport(JsonNode conditions) {
        return conditions.properties().stream()
                .filter(op -> op.getKey().equalsIgnoreCase("Bool") || op.getKey().equalsIgnoreCase("BoolIfExists"))
                .flatMap(op -> op.getValue().properties().stream())
                .anyMatch(k -> k.getKey().equalsIgnoreCase("aws:SecureTransport") && isFalse(k.getValue()));
    }

    private static boolean isFalse(JsonNode v) {
        return v.isArray() ? v.valueStream().anyMatch(S3BucketInsecureTransportCheck::isFalse)
                : v.isBoolean() ? !v.booleanValue() : v.isString() && "false".equalsIgnoreCase(v.stringValue());
    }
}
