package io.watchkeeper.iamtuner.testing;

import static io.watchkeeper.iamtuner.testing.CloudTrailLogs.user;

import io.watchkeeper.watchers.testing.Moto;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.DataResource;
import software.amazon.awssdk.services.cloudtrail.model.EventSelector;
import software.amazon.awssdk.services.cloudtrail.model.ReadWriteType;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.Tag;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The account of the tuner's end-to-end tests, in moto: roles and a user with inline policies (with
 * conditions, Deny, NotAction), a customer-managed policy of one role, one shared by two roles, an
 * AWS-managed policy, a permissions boundary, and principals that must never be touched (service-linked,
 * NOREPO, opted out by tag, younger than the window) — plus three months of CloudTrail logs in S3 from a
 * trail that records management events and S3 object data events for every bucket.
 *
 * <p>What the logs show, per principal, in the last 90 days (older use is outside the window):
 * app: s3:GetObject (data), s3:PutObject, sqs:SendMessage; reader-a: s3:ListBucket; reader-b: s3:GetObject;
 * worker: ec2:DescribeInstances; ec2-reader: ec2:DescribeInstances; bounded: s3:ListBucket; wide: sqs:SendMessage;
 * deployer (user): lambda:UpdateFunctionCode. Other actions appear in the logs for other principals, or
 * more than 90 days ago (app's dynamodb:DeleteTable, deployer's lambda:DeleteFunction), so they are
 * logged here and provably unused by those who did not call them.
 */
public final class TunerScenario {

    public static final String ACCOUNT = Moto.ACCOUNT_ID;
    public static final String BUCKET = "trail-logs";
    public static final String AWS_EC2_READ = "arn:aws:iam::aws:policy/AmazonEC2ReadOnlyAccess";

    private TunerScenario() {}

    public static String roleArn(String path, String name) {
        return "arn:aws:iam::" + ACCOUNT + ":role" + path + name;
    }

    public static String role(String name) {
        return roleArn("/", name);
    }

    public static String policyArn(String name) {
        return "arn:aws:iam::" + ACCOUNT + ":policy/" + name;
    }

    public static final String APP = roleArn("/service/", "app");
    public static final String DEPLOYER = "arn:aws:iam::" + ACCOUNT + ":user/deployer";

    public static final String APP_INLINE = "{\"Version\":\"2012-10-17\",\"Statement\":["
            + "{\"Sid\":\"Data\",\"Effect\":\"Allow\",\"Action\":[\"s3:GetObject\",\"s3:PutObject\",\"s3:DeleteObject\"],"
            + "\"Resource\":\"arn:aws:s3:::data/*\",\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"true\"}}},"
            + "{\"Sid\":\"Queues\",\"Effect\":\"Allow\",\"Action\":\"sqs:*\",\"Resource\":\"*\"},"
            + "{\"Sid\":\"KeepSafe\",\"Effect\":\"Deny\",\"Action\":\"s3:DeleteObject\",\"Resource\":\"arn:aws:s3:::data/keep/*\"}]}";
    /** Entirely unused: the change deletes it, the rollback must put it back (Repokid's bug class). */
    public static final String APP_TABLES = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":[\"dynamodb:DeleteTable\",\"dynamodb:DescribeTable\"],\"Resource\":\"*\"}]}";

    private static String doc(String statements) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[" + statements + "]}";
    }

    /** Creates the principals and policies. */
    public static void seedIam(IamClient iam) {
        String trust = doc("{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}");
        iam.createRole(r -> r.roleName("app").path("/service/").assumeRolePolicyDocument(trust)
                .tags(Tag.builder().key("owner").value("team-app@example.com").build()));
        iam.putRolePolicy(r -> r.roleName("app").policyName("app-inline").policyDocument(APP_INLINE));
        iam.putRolePolicy(r -> r.roleName("app").policyName("app-tables").policyDocument(APP_TABLES));

        iam.createRole(r -> r.roleName("worker").assumeRolePolicyDocument(trust));
        String worker = iam.createPolicy(r -> r.policyName("worker-policy").policyDocument(doc(
                "{\"Effect\":\"Allow\",\"Action\":[\"ec2:DescribeInstances\",\"ec2:TerminateInstances\",\"ec2:DescribeVolumes\"],"
                        + "\"Resource\":\"*\"}"))).policy().arn();
        iam.attachRolePolicy(r -> r.roleName("worker").policyArn(worker));

        String shared = iam.createPolicy(r -> r.policyName("shared-read").policyDocument(doc(
                "{\"Effect\":\"Allow\",\"Action\":[\"s3:GetObject\",\"s3:ListBucket\",\"sqs:DeleteQueue\"],\"Resource\":\"*\"}")))
                .policy().arn();
        for (String name : List.of("reader-a", "reader-b")) {
            iam.createRole(r -> r.roleName(name).assumeRolePolicyDocument(trust));
            iam.attachRolePolicy(r -> r.roleName(name).policyArn(shared));
        }

        iam.createRole(r -> r.roleName("ec2-reader").assumeRolePolicyDocument(trust));
        iam.attachRolePolicy(r -> r.roleName("ec2-reader").policyArn(AWS_EC2_READ));

        String boundary = iam.createPolicy(r -> r.policyName("boundary").policyDocument(doc(
                "{\"Effect\":\"Allow\",\"Action\":[\"s3:Get*\",\"s3:List*\"],\"Resource\":\"*\"}"))).policy().arn();
        iam.createRole(r -> r.roleName("bounded").assumeRolePolicyDocument(trust).permissionsBoundary(boundary));
        iam.putRolePolicy(r -> r.roleName("bounded").policyName("bounded-inline").policyDocument(doc(
                "{\"Effect\":\"Allow\",\"Action\":[\"s3:GetObject\",\"s3:ListBucket\",\"s3:PutObject\"],\"Resource\":\"*\"}")));

        iam.createRole(r -> r.roleName("wide").assumeRolePolicyDocument(trust));
        iam.putRolePolicy(r -> r.roleName("wide").policyName("wide-inline").policyDocument(doc(
                "{\"Effect\":\"Allow\",\"NotAction\":[\"iam:*\",\"organizations:*\"],\"Resource\":\"*\"}")));

        iam.createRole(r -> r.roleName("norepo").assumeRolePolicyDocument(trust));
        iam.putRolePolicy(r -> r.roleName("norepo").policyName("p").policyDocument(doc(
                "{\"Sid\":\"NOREPOBatch\",\"Effect\":\"Allow\",\"Action\":\"sqs:*\",\"Resource\":\"*\"}")));
        iam.createRole(r -> r.roleName("opted").assumeRolePolicyDocument(trust)
                .tags(Tag.builder().key("watchkeeper:tuner").value("opt-out").build()));
        iam.putRolePolicy(r -> r.roleName("opted").policyName("p").policyDocument(doc(
                "{\"Effect\":\"Allow\",\"Action\":\"sqs:*\",\"Resource\":\"*\"}")));
        iam.createRole(r -> r.roleName("young-role").assumeRolePolicyDocument(trust));
        iam.putRolePolicy(r -> r.roleName("young-role").policyName("p").policyDocument(doc(
                "{\"Effect\":\"Allow\",\"Action\":\"sqs:*\",\"Resource\":\"*\"}")));
        iam.createServiceLinkedRole(r -> r.awsServiceName("elasticbeanstalk.amazonaws.com"));

        iam.createUser(r -> r.userName("deployer"));
        iam.putUserPolicy(r -> r.userName("deployer").policyName("deploy").policyDocument(doc(
                "{\"Effect\":\"Allow\",\"Action\":[\"lambda:UpdateFunctionCode\",\"lambda:DeleteFunction\"],\"Resource\":\"*\"}")));
    }

    /** The trail and its bucket. */
    public static void seedTrail(S3Client s3, CloudTrailClient ct) {
        s3.createBucket(r -> r.bucket(BUCKET));
        ct.createTrail(r -> r.name("main").s3BucketName(BUCKET).isMultiRegionTrail(true));
        ct.putEventSelectors(r -> r.trailName("main").eventSelectors(EventSelector.builder()
                .readWriteType(ReadWriteType.ALL).includeManagementEvents(true)
                .dataResources(DataResource.builder().type("AWS::S3::Object").values("arn:aws:s3").build()).build()));
    }

    /** Three months of use, every third day (and two old calls outside the window). */
    public static List<CloudTrailLogs.Event> threeMonths(Instant now) {
        List<CloudTrailLogs.Event> events = new ArrayList<>();
        String readerA = role("reader-a");
        String readerB = role("reader-b");
        for (int day = 2; day <= 92; day += 3) {
            Instant t = now.minus(day, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS).plus(Duration.ofMinutes(7));
            events.add(CloudTrailLogs.role(APP, "s3.amazonaws.com", "GetObject", t).asData());
            events.add(CloudTrailLogs.role(APP, "s3.amazonaws.com", "PutObject", t.plusSeconds(5)).asData());
            events.add(CloudTrailLogs.role(APP, "sqs.amazonaws.com", "SendMessage", t.plusSeconds(9)));
            events.add(CloudTrailLogs.role(readerA, "s3.amazonaws.com", "ListObjectsV2", t.plusSeconds(11)).asData());
            events.add(CloudTrailLogs.role(readerB, "s3.amazonaws.com", "GetObject", t.plusSeconds(13)).asData());
            events.add(CloudTrailLogs.role(role("worker"), "ec2.amazonaws.com", "DescribeInstances", t.plusSeconds(17)));
            events.add(CloudTrailLogs.role(role("ec2-reader"), "ec2.amazonaws.com", "DescribeInstances", t.plusSeconds(19)));
            events.add(CloudTrailLogs.role(role("bounded"), "s3.amazonaws.com", "ListObjects", t.plusSeconds(23)).asData());
            events.add(CloudTrailLogs.role(role("wide"), "sqs.amazonaws.com", "SendMessage", t.plusSeconds(29)));
            events.add(user(DEPLOYER, "lambda.amazonaws.com", "UpdateFunctionCode20150331v2", t.plusSeconds(31)));
        }
        // actions seen in this account's logs, by someone: proof that the trail logs them
        Instant old = now.minus(95, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS).plus(Duration.ofMinutes(7));
        events.add(CloudTrailLogs.role(APP, "dynamodb.amazonaws.com", "DeleteTable", old));
        events.add(CloudTrailLogs.role(APP, "dynamodb.amazonaws.com", "DescribeTable", old.plusSeconds(1)));
        events.add(user(DEPLOYER, "lambda.amazonaws.com", "DeleteFunction20150331", old.plusSeconds(2)));
        events.add(CloudTrailLogs.role(role("young-role"), "s3.amazonaws.com", "DeleteObject", old.plusSeconds(3)).asData());
        events.add(CloudTrailLogs.role(role("young-role"), "ec2.amazonaws.com", "TerminateInstances", old.plusSeconds(4)));
        events.add(CloudTrailLogs.role(role("young-role"), "ec2.amazonaws.com", "DescribeVolumes", old.plusSeconds(5)));
        events.add(CloudTrailLogs.role(role("young-role"), "sqs.amazonaws.com", "DeleteQueue", old.plusSeconds(6)));
        events.add(CloudTrailLogs.role(role("young-role"), "ec2.amazonaws.com", "DescribeSecurityGroups", old.plusSeconds(7)));
        events.add(CloudTrailLogs.role(role("young-role"), "autoscaling.amazonaws.com", "DescribeAutoScalingGroups", old.plusSeconds(8)));
        return events;
    }
}
