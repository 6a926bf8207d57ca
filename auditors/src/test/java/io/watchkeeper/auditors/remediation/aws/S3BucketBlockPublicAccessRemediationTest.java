package io.watchkeeper.auditors.remediation.aws;

import static io.watchkeeper.auditors.remediation.aws.RemediationTesting.durableHash;
import static io.watchkeeper.auditors.remediation.aws.RemediationTesting.execute;
import static io.watchkeeper.auditors.remediation.aws.RemediationTesting.finding;
import static io.watchkeeper.auditors.remediation.aws.RemediationTesting.json;
import static io.watchkeeper.auditors.remediation.aws.RemediationTesting.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchkeeper.core.config.aws.PublicAccessBlock;
import io.watchkeeper.core.config.aws.S3BucketConfig;
import io.watchkeeper.core.finding.FindingView;
import io.watchkeeper.core.model.InvalidInputException;
import io.watchkeeper.core.remediation.ApiCall;
import io.watchkeeper.core.remediation.RemediationPlan;
import io.watchkeeper.watchers.aws.s3.S3BucketWatcher;
import io.watchkeeper.watchers.testing.AwsWatcherTestSupport;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketCannedACL;

class S3BucketBlockPublicAccessRemediationTest extends AwsWatcherTestSupport {

    private static final String POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Everyone\",\"Effect\":"
            + "\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::site/*\"}]}";
    private final S3BucketBlockPublicAccessRemediation remediation = new S3BucketBlockPublicAccessRemediation();
    private final S3BucketWatcher watcher = new S3BucketWatcher();

    private S3BucketConfig read(String bucket) {
        return configs(watcher, "us-east-1").get(bucket);
    }

    private static FindingView publicPolicy(String bucket) {
        return finding("aws.s3.bucket/public-policy", "arn:aws:s3:::" + bucket, "us-east-1", "statement:Everyone",
                "{'Sid':'Everyone','Principal':'*'}");
    }

    @Test
    void blocksAPublicPolicyAndRollsBackByDeletingTheConfigurationTheBucketDidNotHave() {
        S3Client s3 = moto.client(S3Client.builder().forcePathStyle(true));
        s3.createBucket(r -> r.bucket("site"));
        s3.putBucketPolicy(r -> r.bucket("site").policy(POLICY));
        S3BucketConfig before = read("site");
        assertThat(before.publicAccessBlock()).isNull();

        RemediationPlan plan = remediation.plan(publicPolicy("site"), before);
        assertThat(plan.remediationId()).isEqualTo("aws.s3.bucket/block-public-access");
        assertThat(plan.resourceId()).isEqualTo("arn:aws:s3:::site");
        assertThat(plan.calls()).containsExactly(new ApiCall("s3", "PutPublicAccessBlock", json("{'Bucket':'site',"
                + "'PublicAccessBlockConfiguration':{'BlockPublicAcls':true,'IgnorePublicAcls':true,"
                + "'BlockPublicPolicy':true,'RestrictPublicBuckets':true}}")));
        execute(remediation, plan, session);
        assertThat(read("site").publicAccessBlock()).isEqualTo(new PublicAccessBlock(true, true, true, true));

        RemediationPlan rollback = remediation.rollback(plan, before);
        assertThat(rollback.calls()).containsExactly(new ApiCall("s3", "DeletePublicAccessBlock", json("{'Bucket':'site'}")));
        execute(remediation, rollback, session);
        assertThat(durableHash(read("site"))).isEqualTo(durableHash(before));
    }

    @Test
    void fixesAPublicAclFindingTooAndRollsBackToThePartialSettingsBefore() {
        S3Client s3 = moto.client(S3Client.builder().forcePathStyle(true));
        s3.createBucket(r -> r.bucket("site"));
        s3.putBucketAcl(r -> r.bucket("site").acl(BucketCannedACL.PUBLIC_READ));
        s3.putPublicAccessBlock(r -> r.bucket("site").publicAccessBlockConfiguration(p -> p
                .blockPublicAcls(true).ignorePublicAcls(false).blockPublicPolicy(true).restrictPublicBuckets(false)));
        S3BucketConfig before = read("site");

        RemediationPlan plan = remediation.plan(finding("aws.s3.bucket/public-acl", "arn:aws:s3:::site", "us-east-1",
                "grant:AllUsers:READ", "{}"), before);
        execute(remediation, plan, session);
        assertThat(read("site").publicAccessBlock().allBlocked()).isTrue();

        RemediationPlan rollback = remediation.rollback(plan, before);
        assertThat(rollback.calls()).containsExactly(new ApiCall("s3", "PutPublicAccessBlock", json("{'Bucket':'site',"
                + "'PublicAccessBlockConfiguration':{'BlockPublicAcls':true,'IgnorePublicAcls':false,"
                + "'BlockPublicPolicy':true,'RestrictPublicBuckets':false}}")));
        execute(remediation, rollback, session);
        assertThat(durableHash(read("site"))).isEqualTo(durableHash(before));
    }

    @Test
    void aBucketAlreadyBlockedNeedsNothingAndNothingIsUndone() {
        S3Client s3 = moto.client(S3Client.builder().forcePathStyle(true));
        s3.createBucket(r -> r.bucket("site"));
        s3.putPublicAccessBlock(r -> r.bucket("site").publicAccessBlockConfiguration(p -> p
                .blockPublicAcls(true).ignorePublicAcls(true).blockPublicPolicy(true).restrictPublicBuckets(true)));
        S3BucketConfig before = read("site");

        RemediationPlan plan = remediation.plan(publicPolicy("site"), before);
        assertThat(plan.empty()).isTrue();
        assertThat(remediation.rollback(plan, before).empty()).isTrue();
    }

    @Test
    void refusesHostileNamesOtherResourcesAndOtherChecks() {
        S3Client s3 = moto.client(S3Client.builder().forcePathStyle(true));
        s3.createBucket(r -> r.bucket("site"));
        S3BucketConfig before = read("site");

        assertThatThrownBy(() -> remediation.plan(publicPolicy("site"), with(before, "name", "site?x=1&rm -rf")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("'site?x=1&rm -rf' as bucket name");
        assertThatThrownBy(() -> remediation.plan(publicPolicy("other"), before))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("arn:aws:s3:::other");
        assertThatThrownBy(() -> remediation.plan(finding("aws.s3.bucket/versioning-off", "arn:aws:s3:::site",
                "us-east-1", "versioning", "{}"), before)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> remediation.execute(new ApiCall("s3", "DeleteBucket", json("{'Bucket':'site'}")), session))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not run s3:DeleteBucket");
    }
}
