package io.watchkeeper.watchers.aws.ec2;

import com.google.auto.service.AutoService;
import io.watchkeeper.core.config.aws.EbsSnapshotConfig;
import io.watchkeeper.core.config.aws.EbsSnapshotConfig.Permission;
import io.watchkeeper.core.watch.Observation;
import io.watchkeeper.core.watch.ScopeKind;
import io.watchkeeper.core.watch.WatchScope;
import io.watchkeeper.core.watch.Watcher;
import io.watchkeeper.aws.AwsSession;
import io.watchkeeper.watchers.aws.AwsWatcher;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Snapshot;
import software.amazon.awssdk.services.ec2.model.SnapshotAttributeName;

/** EBS snapshots the account owns, with their create-volume permissions (public when group "all" may use them). */
@AutoService(Watcher.class)
public final class EbsSnapshotWatcher extends AwsWatcher<EbsSnapshotConfig> {

    private static final Comparator<Permission> ORDER = Comparator
            .comparing(Permission::group, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Permission::userId, Comparator.nullsLast(Comparator.naturalOrder()));

    public EbsSnapshotWatcher() {
        super("aws.ec2.snapshot", EbsSnapshotConfig.class, ScopeKind.REGIONAL, "ec2:DescribeSnapshots",
                "ec2:DescribeSnapshotAttribute");
    }

    @Override
    protected List<Observation<EbsSnapshotConfig>> observe(WatchScope scope, AwsSession aws) {
        Ec2Client ec2 = aws.ec2(scope.region());
        String prefix = "arn:aws:ec2:" + scope.region() + "::snapshot/";
        List<Snapshot> snapshots = ec2.describeSnapshotsPaginator(r -> r.ownerIds("self").maxResults(1000))
                .snapshots().stream().toList();
        Function<Snapshot, String> name = s -> s.tags().stream().filter(t -> "Name".equals(t.key()) && t.value() != null
                && !t.value().isEmpty()).map(t -> t.value()).findFirst().orElse(s.snapshotId());
        return describeEach(snapshots, s -> prefix + s.snapshotId(), name, s -> new Observation.Observed<>(
                prefix + s.snapshotId(), name.apply(s), scope.region(), config(ec2, s)));
    }

    private static EbsSnapshotConfig config(Ec2Client ec2, Snapshot s) {
        var permissions = ec2.describeSnapshotAttribute(r -> r.snapshotId(s.snapshotId())
                .attribute(SnapshotAttributeName.CREATE_VOLUME_PERMISSION)).createVolumePermissions();
        return new EbsSnapshotConfig(
                s.snapshotId(),
                s.volumeId(),
                s.volumeSize(),
                s.encrypted(),
                s.kmsKeyId(),
                s.description(),
                s.startTime(),
                sorted(permissions.stream().map(p -> new Permission(p.groupAsString(), p.userId())).toList(), ORDER),
                tags(s.tags(), t -> t.key(), t -> t.value()));
    }
}
