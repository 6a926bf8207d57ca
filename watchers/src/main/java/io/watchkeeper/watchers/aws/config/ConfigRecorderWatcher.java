package io.watchkeeper.watchers.aws.config;

import com.google.auto.service.AutoService;
import io.watchkeeper.aws.AwsSession;
import io.watchkeeper.core.config.aws.ConfigRecorderConfig;
import io.watchkeeper.core.config.aws.ConfigRecorderConfig.DeliveryChannel;
import io.watchkeeper.core.config.aws.ConfigRecorderConfig.Recorder;
import io.watchkeeper.core.watch.Observation;
import io.watchkeeper.core.watch.ScopeKind;
import io.watchkeeper.core.watch.WatchScope;
import io.watchkeeper.core.watch.Watcher;
import io.watchkeeper.watchers.aws.AwsWatcher;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.config.ConfigClient;
import software.amazon.awssdk.services.config.model.ConfigurationRecorder;
import software.amazon.awssdk.services.config.model.ConfigurationRecorderStatus;
import software.amazon.awssdk.services.config.model.RecordingGroup;

/**
 * AWS Config of one region as one item: recorders (with their status) and delivery channels, three
 * calls; a region where Config was never set up is an item with empty lists.
 */
@AutoService(Watcher.class)
public final class ConfigRecorderWatcher extends AwsWatcher<ConfigRecorderConfig> {

    public ConfigRecorderWatcher() {
        super("aws.config.recorder", ConfigRecorderConfig.class, ScopeKind.REGIONAL,
                "config:DescribeConfigurationRecorders", "config:DescribeConfigurationRecorderStatus",
                "config:DescribeDeliveryChannels");
    }

    @Override
    protected List<Observation<ConfigRecorderConfig>> observe(WatchScope scope, AwsSession aws) {
        ConfigClient config = aws.config(scope.region());
        List<ConfigurationRecorder> recorders = config.describeConfigurationRecorders(r -> {}).configurationRecorders();
        Map<String, ConfigurationRecorderStatus> status = recorders.isEmpty() ? Map.of()
                : config.describeConfigurationRecorderStatus(r -> {}).configurationRecordersStatus().stream()
                        .collect(Collectors.toMap(ConfigurationRecorderStatus::name, Function.identity(), (a, b) -> a));
        var channels = config.describeDeliveryChannels(r -> {}).deliveryChannels().stream()
                .map(c -> new DeliveryChannel(c.name(), c.s3BucketName(), c.s3KeyPrefix(), c.s3KmsKeyArn(), c.snsTopicARN(),
                        c.configSnapshotDeliveryProperties() == null ? null
                                : c.configSnapshotDeliveryProperties().deliveryFrequencyAsString()))
                .toList();
        var item = new ConfigRecorderConfig(scope.region(),
                sorted(recorders.stream().map(r -> recorder(r, status.get(r.name()))).toList(),
                        Comparator.comparing(Recorder::name)),
                sorted(channels, Comparator.comparing(DeliveryChannel::name)));
        return List.of(new Observation.Observed<>("arn:aws:config:" + scope.region() + ":" + aws.accountId()
                + ":recorders", "AWS Config " + scope.region(), scope.region(), item));
    }

    private static Recorder recorder(ConfigurationRecorder r, ConfigurationRecorderStatus s) {
        RecordingGroup g = r.recordingGroup();
        return new Recorder(r.name(), r.roleARN(), g == null ? null : g.allSupported(),
                g == null ? null : g.includeGlobalResourceTypes(),
                g == null ? List.of() : sorted(g.resourceTypesAsStrings(), Comparator.naturalOrder()),
                g == null || g.exclusionByResourceTypes() == null ? List.of()
                        : sorted(g.exclusionByResourceTypes().resourceTypesAsStrings(), Comparator.naturalOrder()),
                g == null || g.recordingStrategy() == null ? null : g.recordingStrategy().useOnlyAsString(),
                r.recordingMode() == null ? null : r.recordingMode().recordingFrequencyAsString(),
                s == null ? null : s.recording(), s == null ? null : s.lastStatusAsString(),
                s == null ? null : s.lastErrorCode(), s == null ? null : s.lastStatusChangeTime());
    }
}
