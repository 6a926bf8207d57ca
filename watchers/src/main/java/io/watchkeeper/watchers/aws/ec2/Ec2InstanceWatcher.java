package io.watchkeeper.watchers.aws.ec2;

import com.google.auto.service.AutoService;
import io.watchkeeper.core.config.aws.Ec2InstanceConfig;
import io.watchkeeper.core.watch.Observation;
import io.watchkeeper.core.watch.ScopeKind;
import io.watchkeeper.core.watch.WatchScope;
import io.watchkeeper.core.watch.Watcher;
import io.watchkeeper.aws.AwsSession;
import io.watchkeeper.watchers.aws.AwsWatcher;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Stream;
import software.amazon.awssdk.services.ec2.model.GroupIdentifier;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;

/** EC2 instances (terminated ones left out) with network placement, security groups, profile and IMDS settings. */
@AutoService(Watcher.class)
public final class Ec2InstanceWatcher extends AwsWatcher<Ec2InstanceConfig> {

    public Ec2InstanceWatcher() {
        super("aws.ec2.instance", Ec2InstanceConfig.class, ScopeKind.REGIONAL, "ec2:DescribeInstances");
    }

    @Override
    protected List<Observation<Ec2InstanceConfig>> observe(WatchScope scope, AwsSession aws) {
        String prefix = "arn:aws:ec2:" + scope.region() + ":" + aws.accountId() + ":instance/";
        return aws.ec2(scope.region()).describeInstancesPaginator(r -> r.maxResults(1000))
                .reservations().stream()
                .flatMap(reservation -> reservation.instances().stream())
                .filter(i -> i.state() == null || i.state().name() != InstanceStateName.TERMINATED)
                .<Observation<Ec2InstanceConfig>>map(i -> {
                    Ec2InstanceConfig config = config(i);
                    String name = config.tags().getOrDefault("Name", "");
                    return new Observation.Observed<>(prefix + i.instanceId(), name.isEmpty() ? i.instanceId() : name,
                            scope.region(), config);
                })
                .toList();
    }

    private static Ec2InstanceConfig config(Instance i) {
        TreeSet<String> groups = new TreeSet<>();
        Stream.concat(i.securityGroups().stream(), i.networkInterfaces().stream().flatMap(eni -> eni.groups().stream()))
                .map(GroupIdentifier::groupId).filter(Objects::nonNull).forEach(groups::add);
        var imds = i.metadataOptions();
        Map<String, String> tags = tags(i.tags(), t -> t.key(), t -> t.value());
        return new Ec2InstanceConfig(
                i.instanceId(),
                i.instanceTypeAsString(),
                i.imageId(),
                i.state() == null ? null : i.state().nameAsString(),
                i.vpcId(),
                i.subnetId(),
                i.privateIpAddress(),
                i.publicIpAddress() != null && !i.publicIpAddress().isEmpty(),
                i.publicIpAddress(),
                i.publicDnsName() == null || i.publicDnsName().isEmpty() ? null : i.publicDnsName(),
                List.copyOf(groups),
                i.iamInstanceProfile() == null ? null : i.iamInstanceProfile().arn(),
                imds == null ? null : new Ec2InstanceConfig.MetadataOptions(imds.httpTokensAsString(),
                        imds.httpEndpointAsString(), imds.httpPutResponseHopLimit(), imds.instanceMetadataTagsAsString()),
                i.launchTime(),
                tags);
    }
}
