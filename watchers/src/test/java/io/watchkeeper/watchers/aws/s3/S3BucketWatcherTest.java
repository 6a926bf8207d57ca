package io.watchkeeper.watchers.aws.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.config.aws.S3BucketConfig;
import io.watchkeeper.watchers.testing.AwsWatcherTestSupport;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketCannedACL;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.model.Tag;

class S3BucketWatcherTest extends AwsWatcherTestSupport {

    private final S3BucketWatcher watcher = new S3BucketWatcher();

    @Test
    void readsEverySettingOfAConfiguredBucket() {
        S3Client s3 = moto.client(S3Client.builder().forcePathStyle(true));
        s3.createBucket(r -> r.bucket("configured").createBucketConfiguration(c -> c.locationConstraint("eu-west-1")));
        s3.createBucket(r -> r.bucket("configured-logs").createBucketConfiguration(c -> c.locationConstraint("eu-west-1")));
        s3.putBucketAcl(r -> r.bucket("configured-logs").grantWrite("uri=http://acs.amazonaws.com/groups/s3/LogDelivery")
                .grantReadACP("uri=http://acs.amazonaws.com/groups/s3/LogDelivery"));
        s3.putBucketAcl(r -> r.bucket("configured").acl(BucketCannedACL.PUBLIC_READ));
        s3.putBucketPolicy(r -> r.bucket("configured").policy("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":"
                + "\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::configured/*\"}]}"));
        s3.putPublicAccessBlock(r -> r.bucket("configured").publicAccessBlockConfiguration(p -> p
                .blockPublicAcls(true).ignorePublicAcls(false).blockPublicPolicy(true).restrictPublicBuckets(false)));
        s3.putBucketEncryption(r -> r.bucket("configured").serverSideEncryptionConfiguration(c -> c.rules(rule -> rule
                .applyServerSideEncryptionByDefault(d -> d.sseAlgorithm(ServerSideEncryption.AWS_KMS).kmsMasterKeyID("key-1")))));
        s3.putBucketVersioning(r -> r.bucket("configured").versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
        s3.putBucketLogging(r -> r.bucket("configured").bucketLoggingStatus(l -> l.loggingEnabled(e -> e
                .targetBucket("configured-logs").targetPrefix("access/"))));
        s3.putBucketTagging(r -> r.bucket("configured").tagging(t -> t.tagSet(Tag.builder().key("team").value("web").build())));

        S3BucketConfig c = configs(watcher, "us-east-1").get("configured");
        assertThat(c.region()).isEqualTo("eu-west-1");
        assertThat(c.policy().json().at("/Statement/0/Principal").asString()).isEqualTo("*");
        assertThat(c.aclGrants()).extracting(S3BucketConfig.Grant::grantee)
                .contains("http://acs.amazonaws.com/groups/global/AllUsers");
        assertThat(c.publicAccessBlock().blockPublicAcls()).isTrue();
        assertThat(c.publicAccessBlock().ignorePublicAcls()).isFalse();
        assertThat(c.encryption()).extracting(S3BucketConfig.EncryptionRule::algorithm).containsExactly("aws:kms");
        assertThat(c.encryption().getFirst().kmsKeyId()).isEqualTo("key-1");
        assertThat(c.versioning()).isEqualTo("Enabled");
        assertThat(c.logging()).isEqualTo(new S3BucketConfig.Logging("configured-logs", "access/"));
        assertThat(c.tags()).isEqualTo(Map.of("team", "web"));
    }

    @Test
    void aBareBucketHasNoPolicyNoBlockAndNoPublicGrant() {
        S3Client s3 = moto.client(S3Client.builder().forcePathStyle(true));
        s3.createBucket(r -> r.bucket("bare"));

        S3BucketConfig c = configs(watcher, "us-east-1").get("bare");
        assertThat(c.region()).isEqualTo("us-east-1");
        assertThat(c.policy()).isNull();
        assertThat(c.publicAccessBlock()).isNull();
        assertThat(c.logging()).isNull();
        assertThat(c.versioning()).isNull();
        assertThat(c.tags()).isEmpty();
        assertThat(c.aclGrants()).extracting(S3BucketConfig.Grant::grantee)
                .noneMatch(g -> g.contains("AllUsers") || g.contains("AuthenticatedUsers"));
    }
}
