package io.watchkeeper.auditors.aws.cloudtrail;

import static io.watchkeeper.auditors.rules.Facts.blank;
import static io.watchkeeper.auditors.rules.Facts.details;

import com.google.auto.service.AutoService;
import io.watchkeeper.auditors.aws.resourcepolicy.ResourcePolicyChecks;
import io.watchkeeper.auditors.aws.s3.S3BlockPublicAccess;
import io.watchkeeper.auditors.aws.s3.S3BucketPublicAclCheck;
import io.watchkeeper.auditors.rules.Facts;
import io.watchkeeper.auditors.rules.RuleCheck;
import io.watchkeeper.core.config.aws.CloudTrailTrailConfig;
import io.watchkeeper.core.config.aws.S3BucketConfig;
import io.watchkeeper.core.finding.AuditContext;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.CheckSet;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import io.watchkeeper.core.finding.Severity;
import io.watchkeeper.core.model.ResourceType;
import java.util.ArrayList;
import java.util.List;

/**
 * CloudTrail beyond the trail's own settings: the alarms of CIS 4.1–4.15 ({@link AccountMonitoring}),
 * S3 object-level events (3.8 writes, 3.9 reads; {@link S3DataEvents}), delivery to CloudWatch Logs,
 * and the log bucket (access logging, 3.4; public through its policy — the policy evaluator — or ACL).
 */
@AutoService(CheckSet.class)
public final class CloudTrailRules implements CheckSet {

    static final ResourceType BUCKET = ResourceType.of("aws.s3.bucket");
    private static final Check<S3BucketConfig> PUBLIC_POLICY = ResourcePolicyChecks.get("aws.s3.bucket/public-policy");
    private static final Check<S3BucketConfig> PUBLIC_ACL = new S3BucketPublicAclCheck();

    @Override
    public List<Check<?>> checks() {
        List<Check<?>> out = new ArrayList<>();
        for (CisMetricFilters.Control c : CisMetricFilters.ALL) {
            out.add(RuleCheck.of("aws.cloudtrail.trail/no-alarm-" + c.slug(), CloudTrailTrailConfig.class, Severity.MEDIUM)
                    .title(Facts.line("No CloudWatch alarm on " + c.events()))
                    .why("Without a metric filter and an alarm that reaches someone, " + c.events() + " go unnoticed"
                            + " until long after the fact.")
                    .fix("On the log group of a multi-region trail, create the benchmark's metric filter for " + c.events()
                            + ", an alarm on its metric, and an SNS topic with a subscriber as the alarm's action.")
                    .cis(c.cis())
                    .dependsOn(AccountTrails.TRAIL.id(), AccountMonitoring.FILTER.id(), AccountMonitoring.ALARM.id(),
                            AccountMonitoring.TOPIC.id())
                    .evaluate((trail, ctx) -> AccountMonitoring.evaluate(c, trail, ctx)));
        }
        out.add(RuleCheck.of("aws.cloudtrail.trail/no-s3-write-events", CloudTrailTrailConfig.class, Severity.MEDIUM)
                .title("No multi-region trail logs S3 object-level write events")
                .why("Without data events, who put, overwrote or deleted which object is not recorded.")
                .fix("Add a data event selector for AWS::S3::Object on all buckets (write or all) to a multi-region trail.")
                .cis("3.8")
                .dependsOn(AccountTrails.TRAIL.id())
                .evaluate((t, ctx) -> S3DataEvents.evaluate(t, ctx, true)));
        out.add(RuleCheck.of("aws.cloudtrail.trail/no-s3-read-events", CloudTrailTrailConfig.class, Severity.MEDIUM)
                .title("No multi-region trail logs S3 object-level read events")
                .why("Without data events, who read which object (data theft) is not recorded.")
                .fix("Add a data event selector for AWS::S3::Object on all buckets (read or all) to a multi-region trail.")
                .cis("3.9")
                .dependsOn(AccountTrails.TRAIL.id())
                .evaluate((t, ctx) -> S3DataEvents.evaluate(t, ctx, false)));
        out.add(RuleCheck.of("aws.cloudtrail.trail/no-cloudwatch-logs", CloudTrailTrailConfig.class, Severity.LOW)
                .title("Trail does not deliver to CloudWatch Logs")
                .why("Events only in S3 cannot drive metric filters and alarms; suspicious activity is found, if"
                        + " ever, long after.")
                .fix("Set the trail's CloudWatch Logs log group and delivery role (update-trail --cloud-watch-logs-log-group-arn).")
                .when(t -> blank(t.cloudWatchLogsLogGroupArn()), "cloudwatch-logs",
                        t -> "Trail " + t.name() + " does not deliver to CloudWatch Logs", Exposure.INTERNAL,
                        t -> details("cloudWatchLogsLogGroupArn", null)));
        out.add(RuleCheck.of("aws.cloudtrail.trail/bucket-access-logging-off", CloudTrailTrailConfig.class, Severity.LOW)
                .title("The trail's S3 bucket has no server access logging")
                .why("Reads and deletions of the audit logs themselves would leave no trace.")
                .fix("Turn on server access logging on the trail's bucket, to another bucket.")
                .cis("3.4")
                .dependsOn(BUCKET.id())
                .evaluate(CloudTrailRules::bucketLogging));
        out.add(RuleCheck.of("aws.cloudtrail.trail/bucket-public", CloudTrailTrailConfig.class, Severity.CRITICAL)
                .title("The trail's S3 bucket is public")
                .why("Audit logs name every user, role, address and resource of the account: a map for an attacker;"
                        + " with write access they can also be destroyed.")
                .fix("Remove the public policy statements and ACL grants of the trail's bucket and turn on Block"
                        + " Public Access.")
                .dependsOn(BUCKET.id(), S3BlockPublicAccess.ACCOUNT.id())
                .evaluate(CloudTrailRules::bucketPublic));
        return List.copyOf(out);
    }

    /** The trail's bucket when it is a watched bucket of the account, else null. */
    static S3BucketConfig bucket(CloudTrailTrailConfig trail, AuditContext context) {
        if (blank(trail.s3BucketName())) {
            return null;
        }
        for (var item : context.related(BUCKET, S3BucketConfig.class)) {
            if (item.config() != null && trail.s3BucketName().equals(item.config().name())) {
                return item.config();
            }
        }
        return null;
    }

    static List<Evidence> bucketLogging(CloudTrailTrailConfig trail, AuditContext context) {
        S3BucketConfig bucket = bucket(trail, context);
        if (bucket == null || bucket.logging() != null && !blank(bucket.logging().targetBucket())) {
            return List.of();
        }
        return List.of(Evidence.of("bucket:" + Facts.key(bucket.name()), Facts.line("Bucket " + bucket.name()
                + " of the trail has no server access logging"), Exposure.INTERNAL, details("bucket", bucket.name())));
    }

    static List<Evidence> bucketPublic(CloudTrailTrailConfig trail, AuditContext context) {
        S3BucketConfig bucket = bucket(trail, context);
        if (bucket == null) {
            return List.of();
        }
        List<String> ways = new ArrayList<>();
        for (Evidence e : PUBLIC_POLICY.evaluate(bucket, context)) {
            ways.add("policy " + e.key());
        }
        for (Evidence e : PUBLIC_ACL.evaluate(bucket, context)) {
            ways.add("ACL " + e.key());
        }
        if (ways.isEmpty()) {
            return List.of();
        }
        return List.of(Evidence.of("bucket:" + Facts.key(bucket.name()), Facts.line("Bucket " + bucket.name()
                + " of the trail is public (" + String.join(", ", ways) + ")"), Exposure.INTERNET,
                details("bucket", bucket.name(), "grants", ways)));
    }
}
