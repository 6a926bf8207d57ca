package io.watchkeeper.watchers.aws.ec2;

import com.google.auto.service.AutoService;
import io.watchkeeper.aws.AwsSession;
import io.watchkeeper.core.config.aws.EbsVolumeConfig;
import io.watchkeeper.core.config.aws.EbsVolumeConfig.Attachment;
import io.watchkeeper.core.watch.Observation;
import io.watchkeeper.core.watch.ScopeKind;
import io.watchkeeper.core.watch.WatchScope;
import io.watchkeeper.core.watch.Watcher;
import io.watchkeeper.watchers.aws.AwsWatcher;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ec2.model.Volume;

/** EBS volumes with encryption and attachments; one paginated call per region. */
@AutoService(Watcher.class)
public final class EbsVolumeWatcher extends AwsWatcher<EbsVolumeConfig> {

    public EbsVolumeWatcher() {
        super("aws.ec2.volume", EbsVolumeConfig.class, ScopeKind.REGIONAL, "ec2:DescribeVolumes");
    }

    @Override
    protected List<Observation<EbsVolumeConfig>> observe(WatchScope scope, AwsSession aws) {
        String prefix = "arn:aws:ec2:" + scope.region() + ":" + aws.accountId() + ":volume/";
        return aws.ec2(scope.region()).describeVolumesPaginator(r -> r.maxResults(500)).volumes().stream()
                .<Observation<EbsVolumeConfig>>map(v -> {
                    EbsVolumeConfig config = config(v);
                    return new Observation.Observed<>(prefix + v.volumeId(), nameTag(config.tags(), v.volumeId()),
                            scope.region(), config);
                })
                .toList();
    }

    private static EbsVolumeConfig config(Volume v) {
        return new EbsVolumeConfig(v.volumeId(), v.size(), v.volumeTypeAsString(), v.iops(), v.throughput(),
                v.encrypted(), v.kmsKeyId(), v.snapshotId() == null || v.snapshotId().isEmpty() ? null : v.snapshotId(),
                v.availabilityZone(), v.multiAttachEnabled(), v.stateAsString(),
                sorted(v.attachments().stream().map(a -> new Attachment(a.instanceId(), a.device(),
                        a.deleteOnTermination())).toList(), Comparator.comparing(Attachment::instanceId,
                        Comparator.nullsFirst(Comparator.naturalOrder())).thenComparing(Attachment::device,
                        Comparator.nullsFirst(Comparator.naturalOrder()))),
                v.createTime(), tags(v.tags(), t -> t.key(), t -> t.value()));
    }
}
