package io.watchkeeper.watchers.aws.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.config.aws.S3BucketConfig;
import io.watchkeeper.watchers.testing.AwsWatcherTestSupport;
import io.watchkeeper.watchers.testing.WireStub;
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

    private static final String NS = "http://s3.amazonaws.com/doc/2006-03-01/";
    private static final String OWNER = "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be";

    /**
     * What ListBuckets and Object Ownership already say is not asked again: no GetBucketLocation
     * when the listing names the region, no GetBucketAcl when ACLs are disabled (BucketOwnerEnforced:
     * AWS answers owner FULL_CONTROL, the owner ListBuckets names). moto sends no BucketRegion and
     * different owner ids in ListBuckets and GetBucketAcl, so S3 is a wire stub here.
     */
    @Test
    void skipsOnlyTheCallsWhoseAnswerIsImplied() {
        try (WireStub stub = WireStub.start(S3BucketWatcherTest::s3)) {
            serveFrom("S3", stub);
            Map<String, S3BucketConfig> byName = configs(watcher, "us-east-1");
            assertThat(byName).containsOnlyKeys("enforced", "legacy");

            S3BucketConfig enforced = byName.get("enforced");
            assertThat(enforced.region()).isEqualTo("eu-west-1");
            assertThat(enforced.objectOwnership()).isEqualTo("BucketOwnerEnforced");
            assertThat(enforced.aclOwner()).isEqualTo(OWNER);
            assertThat(enforced.aclGrants()).containsExactly(new S3BucketConfig.Grant("CanonicalUser", OWNER, "FULL_CONTROL"));

            S3BucketConfig legacy = byName.get("legacy");
            assertThat(legacy.region()).isEqualTo("us-west-2");
            assertThat(legacy.objectOwnership()).isEqualTo("ObjectWriter");
            assertThat(legacy.aclGrants()).containsExactly(
                    new S3BucketConfig.Grant("CanonicalUser", OWNER, "FULL_CONTROL"),
                    new S3BucketConfig.Grant("Group", "http://acs.amazonaws.com/groups/global/AllUsers", "READ"));

            var requests = stub.requests().stream().map(r -> r.path() + "?" + r.query()).toList();
            assertThat(requests).noneMatch(r -> r.contains("location"));
            assertThat(requests).filteredOn(r -> r.contains("?acl")).containsExactly("/legacy?acl");
            assertThat(requests).filteredOn(r -> r.startsWith("/?")).singleElement().asString().contains("max-buckets=1000");
        }
    }

    private static WireStub.Reply s3(WireStub.Request r) {
        String bucket = r.path().replaceAll("^/|/$", "");
        String query = r.query() == null ? "" : r.query();
        if (bucket.isEmpty()) {
            return xml("<ListAllMyBucketsResult xmlns=\"" + NS + "\"><Owner><ID>" + OWNER + "</ID></Owner><Buckets>"
                    + "<Bucket><Name>enforced</Name><CreationDate>2024-01-02T03:04:05.000Z</CreationDate>"
                    + "<BucketRegion>eu-west-1</BucketRegion></Bucket>"
                    + "<Bucket><Name>legacy</Name><CreationDate>2019-01-02T03:04:05.000Z</CreationDate>"
                    + "<BucketRegion>us-west-2</BucketRegion></Bucket></Buckets></ListAllMyBucketsResult>");
        }
        String sub = query.replaceAll("[=&].*", "");
        return switch (sub) {
            case "ownershipControls" -> xml("<OwnershipControls xmlns=\"" + NS + "\"><Rule><ObjectOwnership>"
                    + ("enforced".equals(bucket) ? "BucketOwnerEnforced" : "ObjectWriter")
                    + "</ObjectOwnership></Rule></OwnershipControls>");
            case "acl" -> xml("<AccessControlPolicy xmlns=\"" + NS + "\"><Owner><ID>" + OWNER + "</ID></Owner>"
                    + "<AccessControlList><Grant><Grantee xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
                    + "xsi:type=\"CanonicalUser\"><ID>" + OWNER + "</ID></Grantee><Permission>FULL_CONTROL</Permission>"
                    + "</Grant><Grant><Grantee xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:type=\"Group\">"
                    + "<URI>http://acs.amazonaws.com/groups/global/AllUsers</URI></Grantee><Permission>READ</Permission>"
                    + "</Grant></AccessControlList></AccessControlPolicy>");
            case "versioning" -> xml("<VersioningConfiguration xmlns=\"" + NS + "\"/>");
            case "logging" -> xml("<BucketLoggingStatus xmlns=\"" + NS + "\"/>");
            case "policy" -> s3Error("NoSuchBucketPolicy");
            case "publicAccessBlock" -> s3Error("NoSuchPublicAccessBlockConfiguration");
            case "encryption" -> xml("<ServerSideEncryptionConfiguration xmlns=\"" + NS + "\"><Rule>"
                    + "<ApplyServerSideEncryptionByDefault><SSEAlgorithm>AES256</SSEAlgorithm>"
                    + "</ApplyServerSideEncryptionByDefault><BucketKeyEnabled>false</BucketKeyEnabled></Rule>"
                    + "</ServerSideEncryptionConfiguration>");
            case "tagging" -> s3Error("NoSuchTagSet");
            default -> null;
        };
    }

    private static WireStub.Reply xml(String body) {
        return new WireStub.Reply(200, "application/xml", body);
    }

    private static WireStub.Reply s3Error(String code) {
        return new WireStub.Reply(404, "application/xml", "<Error><Code>" + code + "</Code><Message>not found</Message>"
                + "<RequestId>stub</RequestId></Error>");
    }

    @Test
    void eachBucketIsReadInItsOwnRegionOncePerSetting() throws Exception {
        S3Client s3 = moto.client(S3Client.builder().forcePathStyle(true));
        s3.createBucket(r -> r.bucket("far-away").createBucketConfiguration(c -> c.locationConstraint("eu-west-1")));
        s3.createBucket(r -> r.bucket("at-home"));
        s3.putBucketPolicy(r -> r.bucket("far-away").policy("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":"
                + "\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":\"arn:aws:s3:::far-away/*\"}]}"));
        try (io.watchkeeper.watchers.testing.FaultProxy proxy = new io.watchkeeper.watchers.testing.FaultProxy(moto.endpoint())) {
            java.util.List<io.watchkeeper.watchers.testing.FaultProxy.Seen> seen =
                    java.util.Collections.synchronizedList(new java.util.ArrayList<>());
            proxy.fail(request -> {
                seen.add(request);
                return false;
            }, io.watchkeeper.watchers.testing.FaultProxy.Fault.serverError());
            io.watchkeeper.watchers.testing.Moto.pointProductAt(proxy.endpoint());

            Map<String, S3BucketConfig> configs = configs(watcher, "us-east-1");

            assertThat(configs).containsOnlyKeys("far-away", "at-home");
            assertThat(configs.get("far-away").region()).isEqualTo("eu-west-1");
            assertThat(configs.get("far-away").policy()).isNotNull();
            assertThat(configs.get("at-home").policy()).isNull();
            synchronized (seen) {
                // GetBucketLocation (only when ListBuckets names no region) is asked of the home region
                var far = seen.stream().filter(r -> r.uri().matches("/far-away/?\\?.*"))
                        .filter(r -> !r.uri().matches("/far-away/?\\?location=?")).toList();
                var home = seen.stream().filter(r -> r.uri().matches("/at-home/?\\?.*")).toList();
                assertThat(seen.stream().filter(r -> r.uri().matches("/far-away/?\\?location=?")).count())
                        .as("GetBucketLocation calls").isLessThanOrEqualTo(1);
                assertThat(far).isNotEmpty();
                assertThat(far).as("reads of the eu-west-1 bucket, signed for").extracting(
                        io.watchkeeper.watchers.testing.FaultProxy.Seen::region).containsOnly("eu-west-1");
                assertThat(home).isNotEmpty();
                assertThat(home).extracting(io.watchkeeper.watchers.testing.FaultProxy.Seen::region).containsOnly("us-east-1");
                assertThat(far.stream().filter(r -> r.uri().matches("/far-away/?\\?policy=?")).count())
                        .as("GetBucketPolicy calls on the eu-west-1 bucket").isEqualTo(1);
            }
        } finally {
            io.watchkeeper.watchers.testing.Moto.pointProductAt(moto.endpoint());
        }
    }

    @Test
    void onlyWellFormedRegionsGetAClientOfTheirOwn() {
        assertThat(java.util.List.of("us-east-1", "eu-west-1", "us-gov-west-1", "ap-southeast-4", "cn-north-1",
                "il-central-1", "us-isob-east-1")).allMatch(S3BucketWatcher::plausibleRegion);
        assertThat(java.util.Arrays.asList(null, "", "EU", "us-east-1.evil.example", "evil.example/x", "us-east-1 ",
                "US-EAST-1", "us-east-0", "x".repeat(40) + "-1")).noneMatch(S3BucketWatcher::plausibleRegion);
    }
}
