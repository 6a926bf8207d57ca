package io.watchkeeper.watchers.aws.guardduty;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.config.aws.GuardDutyDetectorConfig;
import io.watchkeeper.core.watch.Observation;
import io.watchkeeper.watchers.testing.AwsWatcherTestSupport;
import io.watchkeeper.watchers.testing.Moto;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.guardduty.GuardDutyClient;
import software.amazon.awssdk.services.guardduty.model.FindingPublishingFrequency;

class GuardDutyDetectorWatcherTest extends AwsWatcherTestSupport {

    private static final String REGION = "eu-west-1";
    private final GuardDutyDetectorWatcher watcher = new GuardDutyDetectorWatcher();

    @Test
    void aRegionWithoutGuardDutyIsOneItemWithoutDetectors() {
        List<Observation<GuardDutyDetectorConfig>> all = observe(watcher, REGION);
        assertThat(all).singleElement().extracting(Observation::resourceId)
                .isEqualTo("arn:aws:guardduty:eu-west-1:" + Moto.ACCOUNT_ID + ":detectors");
        assertThat(((Observation.Observed<GuardDutyDetectorConfig>) all.getFirst()).config().detectors()).isEmpty();
    }

    @Test
    void readsTheRegionsDetector() {
        GuardDutyClient guardDuty = moto.client(GuardDutyClient.builder(), REGION);
        String id = guardDuty.createDetector(r -> r.enable(true)
                .findingPublishingFrequency(FindingPublishingFrequency.FIFTEEN_MINUTES).tags(Map.of("team", "sec")))
                .detectorId();
        GuardDutyClient oregon = moto.client(GuardDutyClient.builder(), "us-west-2");
        oregon.createDetector(r -> r.enable(false));

        GuardDutyDetectorConfig c = configs(watcher, REGION).values().iterator().next();
        assertThat(c.region()).isEqualTo(REGION);
        assertThat(c.detectors()).singleElement().satisfies(d -> {
            assertThat(d.detectorId()).isEqualTo(id);
            assertThat(d.status()).isEqualTo("ENABLED");
            assertThat(d.findingPublishingFrequency()).isEqualTo("FIFTEEN_MINUTES");
            assertThat(d.serviceRole()).contains("AWSServiceRoleForAmazonGuardDuty");
            assertThat(d.tags()).isEqualTo(Map.of("team", "sec"));
            assertThat(d.administratorAccountId()).isNull();
        });
        assertThat(configs(watcher, "us-west-2").values().iterator().next().detectors())
                .singleElement().extracting(GuardDutyDetectorConfig.Detector::status).isEqualTo("DISABLED");
    }
}
