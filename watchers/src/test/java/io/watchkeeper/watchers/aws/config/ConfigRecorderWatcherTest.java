package io.watchkeeper.watchers.aws.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.config.aws.ConfigRecorderConfig;
import io.watchkeeper.core.config.aws.ConfigRecorderConfig.DeliveryChannel;
import io.watchkeeper.core.json.EphemeralPaths;
import io.watchkeeper.core.watch.Observation;
import io.watchkeeper.watchers.testing.AwsWatcherTestSupport;
import io.watchkeeper.watchers.testing.Moto;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.config.ConfigClient;

class ConfigRecorderWatcherTest extends AwsWatcherTestSupport {

    private static final String REGION = "eu-west-1";
    private final ConfigRecorderWatcher watcher = new ConfigRecorderWatcher();

    @Test
    void aRegionWithoutConfigIsOneItemWithNothingSetUp() {
        List<Observation<ConfigRecorderConfig>> all = observe(watcher, REGION);
        assertThat(all).singleElement().extracting(Observation::resourceId)
                .isEqualTo("arn:aws:config:eu-west-1:" + Moto.ACCOUNT_ID + ":recorders");
        ConfigRecorderConfig c = ((Observation.Observed<ConfigRecorderConfig>) all.getFirst()).config();
        assertThat(c.region()).isEqualTo(REGION);
        assertThat(c.recorders()).isEmpty();
        assertThat(c.deliveryChannels()).isEmpty();
    }

    @Test
    void readsARecordingRecorderOfEverythingAndItsDeliveryChannel() {
        ConfigClient config = moto.client(ConfigClient.builder(), REGION);
        config.putConfigurationRecorder(r -> r.configurationRecorder(c -> c.name("default")
                .roleARN("arn:aws:iam::" + Moto.ACCOUNT_ID + ":role/config")
                .recordingGroup(g -> g.allSupported(true).includeGlobalResourceTypes(true))));
        config.putDeliveryChannel(r -> r.deliveryChannel(d -> d.name("default").s3BucketName("config-bucket")
                .snsTopicARN("arn:aws:sns:eu-west-1:" + Moto.ACCOUNT_ID + ":config")));
        config.startConfigurationRecorder(r -> r.configurationRecorderName("default"));

        ConfigRecorderConfig c = configs(watcher, REGION).values().iterator().next();
        assertThat(c.recorders()).singleElement().satisfies(r -> {
            assertThat(r.name()).isEqualTo("default");
            assertThat(r.roleArn()).endsWith(":role/config");
            assertThat(r.allSupported()).isTrue();
            assertThat(r.includeGlobalResourceTypes()).isTrue();
            assertThat(r.resourceTypes()).isEmpty();
            assertThat(r.recording()).isTrue();
            assertThat(r.lastStatus()).isNotBlank();
        });
        assertThat(c.deliveryChannels()).containsExactly(new DeliveryChannel("default", "config-bucket", null, null,
                "arn:aws:sns:eu-west-1:" + Moto.ACCOUNT_ID + ":config", null));
        assertThat(EphemeralPaths.of(ConfigRecorderConfig.class).describe()).containsExactlyInAnyOrder(
                "recorders/*/lastStatus", "recorders/*/lastErrorCode", "recorders/*/lastStatusChangeTime");

        config.stopConfigurationRecorder(r -> r.configurationRecorderName("default"));
        assertThat(configs(watcher, REGION).values().iterator().next().recorders().getFirst().recording()).isFalse();
    }
}
