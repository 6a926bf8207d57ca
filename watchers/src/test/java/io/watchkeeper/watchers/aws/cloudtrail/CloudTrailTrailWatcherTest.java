package io.watchkeeper.watchers.aws.cloudtrail;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.config.aws.CloudTrailTrailConfig;
import io.watchkeeper.core.config.aws.CloudTrailTrailConfig.DataResource;
import io.watchkeeper.core.config.aws.CloudTrailTrailConfig.EventSelector;
import io.watchkeeper.core.json.CanonicalJson;
import io.watchkeeper.core.json.EphemeralPaths;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.watch.Observation;
import io.watchkeeper.watchers.testing.AwsWatcherTestSupport;
import io.watchkeeper.watchers.testing.Moto;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.ReadWriteType;
import software.amazon.awssdk.services.s3.S3Client;

class CloudTrailTrailWatcherTest extends AwsWatcherTestSupport {

    private static final String HOME = "eu-west-1";
    private static final String KEY = "arn:aws:kms:eu-west-1:" + Moto.ACCOUNT_ID + ":key/11111111-2222-3333-4444-555555555555";
    private final CloudTrailTrailWatcher watcher = new CloudTrailTrailWatcher();

    @BeforeEach
    void logBucket() {
        S3Client s3 = moto.client(S3Client.builder().forcePathStyle(true));
        s3.createBucket(r -> r.bucket("trail-logs"));
    }

    @Test
    void readsALoggingMultiRegionTrailOnceInItsHomeRegion() {
        CloudTrailClient cloudTrail = moto.client(CloudTrailClient.builder(), HOME);
        String arn = cloudTrail.createTrail(r -> r.name("main").s3BucketName("trail-logs").s3KeyPrefix("audit")
                .isMultiRegionTrail(true).includeGlobalServiceEvents(true).enableLogFileValidation(true).kmsKeyId(KEY)
                .tagsList(t -> t.key("team").value("security"))).trailARN();
        cloudTrail.startLogging(r -> r.name("main"));
        cloudTrail.putEventSelectors(r -> r.trailName("main").eventSelectors(s -> s.readWriteType(ReadWriteType.WRITE_ONLY)
                .includeManagementEvents(true)
                .excludeManagementEventSources("rdsdata.amazonaws.com", "kms.amazonaws.com")
                .dataResources(d -> d.type("AWS::S3::Object").values("arn:aws:s3:::b-bucket/", "arn:aws:s3:::a-bucket/"))));

        List<Observation<CloudTrailTrailConfig>> observed = observe(watcher, HOME);
        assertThat(observed).hasSize(1);
        var item = (Observation.Observed<CloudTrailTrailConfig>) observed.getFirst();
        assertThat(item.resourceId()).isEqualTo(arn).isEqualTo("arn:aws:cloudtrail:eu-west-1:" + Moto.ACCOUNT_ID + ":trail/main");
        assertThat(item.name()).isEqualTo("main");
        assertThat(item.region()).isEqualTo(HOME);
        CloudTrailTrailConfig c = item.config();
        assertThat(c.name()).isEqualTo("main");
        assertThat(c.trailArn()).isEqualTo(arn);
        assertThat(c.homeRegion()).isEqualTo(HOME);
        assertThat(c.isMultiRegionTrail()).isTrue();
        assertThat(c.isOrganizationTrail()).isFalse();
        assertThat(c.s3BucketName()).isEqualTo("trail-logs");
        assertThat(c.s3KeyPrefix()).isEqualTo("audit");
        assertThat(c.includeGlobalServiceEvents()).isTrue();
        assertThat(c.logFileValidationEnabled()).isTrue();
        assertThat(c.kmsKeyId()).isEqualTo(KEY);
        assertThat(c.cloudWatchLogsLogGroupArn()).isNull();
        assertThat(c.snsTopicArn()).isNull();
        assertThat(c.isLogging()).isTrue();
        assertThat(c.eventSelectors()).containsExactly(new EventSelector("WriteOnly", true,
                List.of(new DataResource("AWS::S3::Object", List.of("arn:aws:s3:::a-bucket/", "arn:aws:s3:::b-bucket/"))),
                List.of("kms.amazonaws.com", "rdsdata.amazonaws.com")));
        assertThat(c.advancedEventSelectors()).isEmpty();
        assertThat(c.tags()).isEqualTo(Map.of("team", "security"));

        // The trail's shadow copies in the other regions are not items of their own.
        assertThat(observe(watcher, "us-east-1")).isEmpty();
    }

    @Test
    void aSingleRegionTrailThatIsNotLoggingAndOtherRegionsAreNotListed() {
        CloudTrailClient cloudTrail = moto.client(CloudTrailClient.builder(), HOME);
        cloudTrail.createTrail(r -> r.name("quiet").s3BucketName("trail-logs"));
        cloudTrail.createTrail(r -> r.name("advanced").s3BucketName("trail-logs"));
        cloudTrail.startLogging(r -> r.name("advanced"));
        cloudTrail.putEventSelectors(r -> r.trailName("advanced").advancedEventSelectors(a -> a.name("s3 data events")
                .fieldSelectors(f -> f.field("resources.type").equalsValue("AWS::S3::Object"),
                        f -> f.field("eventCategory").equalsValue("Data"))));
        CloudTrailClient east = moto.client(CloudTrailClient.builder(), "us-east-1");
        east.createTrail(r -> r.name("east").s3BucketName("trail-logs"));

        Map<String, CloudTrailTrailConfig> configs = configs(watcher, HOME);
        assertThat(configs).containsOnlyKeys("quiet", "advanced");
        CloudTrailTrailConfig quiet = configs.get("quiet");
        assertThat(quiet.isLogging()).isFalse();
        assertThat(quiet.isMultiRegionTrail()).isFalse();
        assertThat(quiet.logFileValidationEnabled()).isFalse();
        assertThat(quiet.kmsKeyId()).isNull();
        assertThat(quiet.s3KeyPrefix()).isNull();
        assertThat(quiet.latestDeliveryTime()).isNull();
        assertThat(quiet.tags()).isEmpty();
        CloudTrailTrailConfig advanced = configs.get("advanced");
        assertThat(advanced.isLogging()).isTrue();
        assertThat(advanced.eventSelectors()).isEmpty();
        assertThat(advanced.advancedEventSelectors()).containsExactly("s3 data events");
        // CIS 3.8/3.9 need the conditions, not only the names: kept in full, fields sorted
        assertThat(advanced.advancedSelectors()).containsExactly(new CloudTrailTrailConfig.AdvancedSelector(
                "s3 data events", List.of(
                        new CloudTrailTrailConfig.FieldSelector("eventCategory", List.of("Data"), List.of(), List.of(),
                                List.of(), List.of(), List.of()),
                        new CloudTrailTrailConfig.FieldSelector("resources.type", List.of("AWS::S3::Object"), List.of(),
                                List.of(), List.of(), List.of(), List.of()))));
        // a trail without advanced selectors is stored as before they were read: its hash does not move
        assertThat(quiet.advancedSelectors()).isNull();
        assertThat(CanonicalJson.of(quiet).fullText()).doesNotContain("advancedSelectors");
        assertThat(configs(watcher, "us-east-1")).containsOnlyKeys("east");
    }

    @Test
    void deliveryStatusIsEphemeralAndFlagsKeepTheirNames() {
        assertThat(EphemeralPaths.of(CloudTrailTrailConfig.class).describe())
                .containsExactlyInAnyOrder("latestDeliveryTime", "latestDeliveryError");
        var json = Json.tree(new CloudTrailTrailConfig("t", "arn", HOME, true, false, "b", null, true, true, null, null,
                null, true, List.of(), List.of(), null, null, Map.of()));
        assertThat(json.has("isLogging")).isTrue();
        assertThat(json.has("isMultiRegionTrail")).isTrue();
        assertThat(json.has("isOrganizationTrail")).isTrue();
    }
}
