package io.watchkeeper.auditors.remediation.aws;

import static io.watchkeeper.auditors.remediation.aws.RemediationTesting.durableHash;
import static io.watchkeeper.auditors.remediation.aws.RemediationTesting.execute;
import static io.watchkeeper.auditors.remediation.aws.RemediationTesting.finding;
import static io.watchkeeper.auditors.remediation.aws.RemediationTesting.json;
import static io.watchkeeper.auditors.remediation.aws.RemediationTesting.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchkeeper.core.config.aws.CloudTrailTrailConfig;
import io.watchkeeper.core.finding.FindingView;
import io.watchkeeper.core.model.InvalidInputException;
import io.watchkeeper.core.remediation.ApiCall;
import io.watchkeeper.core.remediation.RemediationPlan;
import io.watchkeeper.watchers.aws.cloudtrail.CloudTrailTrailWatcher;
import io.watchkeeper.watchers.testing.AwsWatcherTestSupport;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.s3.S3Client;

class CloudTrailTrailStartLoggingRemediationTest extends AwsWatcherTestSupport {

    private static final String REGION = "eu-west-1";
    private final CloudTrailTrailStartLoggingRemediation remediation = new CloudTrailTrailStartLoggingRemediation();
    private final CloudTrailTrailWatcher watcher = new CloudTrailTrailWatcher();

    private String seed() {
        S3Client s3 = moto.client(S3Client.builder().forcePathStyle(true), REGION);
        s3.createBucket(r -> r.bucket("trail-logs").createBucketConfiguration(c -> c.locationConstraint(REGION)));
        CloudTrailClient cloudTrail = moto.client(CloudTrailClient.builder(), REGION);
        return cloudTrail.createTrail(r -> r.name("main").s3BucketName("trail-logs").isMultiRegionTrail(true)).trailARN();
    }

    private static FindingView notLogging(String arn) {
        return finding("aws.cloudtrail.trail/not-logging", arn, REGION, "logging", "{'isLogging':false}");
    }

    @Test
    void startsLoggingAndStopsItAgainOnRollback() {
        String arn = seed();
        CloudTrailTrailConfig before = configs(watcher, REGION).get("main");
        assertThat(before.isLogging()).isFalse();

        RemediationPlan plan = remediation.plan(notLogging(arn), before);
        assertThat(plan.calls()).containsExactly(new ApiCall("cloudtrail", "StartLogging",
                json("{'Region':'" + REGION + "','Name':'main'}")));
        execute(remediation, plan, session);
        assertThat(configs(watcher, REGION).get("main").isLogging()).isTrue();

        RemediationPlan rollback = remediation.rollback(plan, before);
        assertThat(rollback.calls()).containsExactly(new ApiCall("cloudtrail", "StopLogging",
                json("{'Region':'" + REGION + "','Name':'main'}")));
        execute(remediation, rollback, session);
        assertThat(durableHash(configs(watcher, REGION).get("main"))).isEqualTo(durableHash(before));
    }

    @Test
    void aLoggingTrailNeedsNothingAndOtherAccountsTrailsAndHostileArnsAreRefused() {
        String arn = seed();
        CloudTrailClient cloudTrail = moto.client(CloudTrailClient.builder(), REGION);
        cloudTrail.startLogging(r -> r.name("main"));
        CloudTrailTrailConfig logging = configs(watcher, REGION).get("main");
        RemediationPlan plan = remediation.plan(notLogging(arn), logging);
        assertThat(plan.empty()).isTrue();
        assertThat(remediation.rollback(plan, logging).empty()).isTrue();

        CloudTrailTrailConfig stopped = with(logging, "isLogging", false);
        String organizationTrail = arn.replace(":123456789012:", ":999999999999:");
        assertThatThrownBy(() -> remediation.plan(notLogging(organizationTrail), with(stopped, "trailArn", organizationTrail)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("belongs to another account");
        String hostile = arn + " --region us-east-1";
        assertThatThrownBy(() -> remediation.plan(notLogging(hostile), with(stopped, "trailArn", hostile)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("as ARN of trail main");
        assertThatThrownBy(() -> remediation.plan(notLogging(arn), with(stopped, "name", "main; aws cloudtrail delete-trail")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("as trail name");
    }
}
