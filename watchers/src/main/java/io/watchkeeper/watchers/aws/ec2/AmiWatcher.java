package io.watchkeeper.watchers.aws.ec2;

import com.google.auto.service.AutoService;
import io.watchkeeper.core.config.aws.AmiConfig;
import io.watchkeeper.core.config.aws.AmiConfig.BlockDevice;
import io.watchkeeper.core.config.aws.AmiConfig.LaunchPermission;
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
import software.amazon.awssdk.services.ec2.model.Image;
import software.amazon.awssdk.services.ec2.model.ImageAttributeName;

/** AMIs the account owns, with launch permissions (public when group "all" may launch them) and volume encryption. */
@AutoService(Watcher.class)
public final class AmiWatcher extends AwsWatcher<AmiConfig> {

    private static final Comparator<String> NULLS_LAST = Comparator.nullsLast(Comparator.naturalOrder());
    private static final Comparator<LaunchPermission> ORDER = Comparator.comparing(LaunchPermission::group, NULLS_LAST)
            .thenComparing(LaunchPermission::userId, NULLS_LAST)
            .thenComparing(LaunchPermission::organizationArn, NULLS_LAST)
            .thenComparing(LaunchPermission::organizationalUnitArn, NULLS_LAST);

    public AmiWatcher() {
        super("aws.ec2.image", AmiConfig.class, ScopeKind.REGIONAL, "ec2:DescribeImages", "ec2:DescribeImageAttribute");
    }

    @Override
    protected List<Observation<AmiConfig>> observe(WatchScope scope, AwsSession aws) {
        Ec2Client ec2 = aws.ec2(scope.region());
        String prefix = "arn:aws:ec2:" + scope.region() + "::image/";
        List<Image> images = ec2.describeImagesPaginator(r -> r.owners("self").includeDeprecated(true)
                .includeDisabled(true).maxResults(1000)).images().stream().toList();
        Function<Image, String> name = i -> i.tags().stream().filter(t -> "Name".equals(t.key()) && t.value() != null
                && !t.value().isEmpty()).map(t -> t.value()).findFirst().orElse(i.imageId());
        return describeEach(images, i -> prefix + i.imageId(), name, i -> new Observation.Observed<>(
                prefix + i.imageId(), name.apply(i), scope.region(), config(ec2, i)));
    }

    private static AmiConfig config(Ec2Client ec2, Image i) {
        var permissions = ec2.describeImageAttribute(r -> r.imageId(i.imageId())
                .attribute(ImageAttributeName.LAUNCH_PERMISSION)).launchPermissions();
        return new AmiConfig(
                i.imageId(),
                i.name(),
                i.description(),
                i.stateAsString(),
                i.publicLaunchPermissions(),
                sorted(permissions.stream().map(p -> new LaunchPermission(p.groupAsString(), p.userId(),
                        p.organizationArn(), p.organizationalUnitArn())).toList(), ORDER),
                i.creationDate(),
                sorted(i.blockDeviceMappings().stream().map(b -> new BlockDevice(b.deviceName(),
                        b.ebs() == null ? null : b.ebs().snapshotId(),
                        b.ebs() == null ? null : b.ebs().encrypted(),
                        b.ebs() == null ? null : b.ebs().kmsKeyId())).toList(),
                        Comparator.comparing(BlockDevice::deviceName, NULLS_LAST)),
                tags(i.tags(), t -> t.key(), t -> t.value()));
    }
}
