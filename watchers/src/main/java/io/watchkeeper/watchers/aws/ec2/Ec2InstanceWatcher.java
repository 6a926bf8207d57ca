package io.watchkeeper.watchers.aws.ec2;

import com.google.auto.service.AutoService;
import io.watchkeeper.core.config.aws.Ec2InstanceConfig;
import io.watchkeeper.core.secrets.FoundSecret;
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
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.GroupIdentifier;
import software.amazon.awssdk.services.ec2.model.InstanceAttributeName;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;

/**
 * EC2 instances (terminated ones left out) with network placement, security groups, profile and IMDS
 * settings, and the provider secrets in their user data (masked forms and keyed hashes only, the user
 * data itself is never kept). User data is read with one DescribeInstanceAttribute per instance, but
 * only for stopped instances and new launches: AWS allows modifying it only while the instance is
 * stopped and a start sets a new launch time, so a running instance reuses the scan of its launch
 * ({@link UserDataScans}, kept by this watcher for the life of the process).
 */
@AutoService(Watcher.class)
public final class Ec2InstanceWatcher extends AwsWatcher<Ec2InstanceConfig> {

    private final UserDataScans userDataScans = new UserDataScans(UserDataScans.CAPACITY);

    public Ec2InstanceWatcher() {
        super("aws.ec2.instance", Ec2InstanceConfig.class, ScopeKind.REGIONAL, "ec2:DescribeInstances",
                "ec2:DescribeInstanceAttribute");
    }

    @Override
    protected List<Observation<Ec2InstanceConfig>> observe(WatchScope scope, AwsSession aws) {
        String prefix = "arn:aws:ec2:" + scope.region() + ":" + aws.accountId() + ":instance/";
        Ec2Client ec2 = aws.ec2(scope.region());
        List<Instance> instances = ec2.describeInstancesPaginator(r -> r.maxResults(1000))
                .reservations().stream()
                .flatMap(reservation -> reservation.instances().stream())
                .filter(i -> i.state() == null || i.state().name() != InstanceStateName.TERMINATED)
                .toList();
        return describeEach(instances, i -> prefix + i.instanceId(), Instance::instanceId, i -> {
            Ec2InstanceConfig config = config(i, userDataScans.secrets(aws.accountId(), scope.region(), i,
                    () -> userDataSecrets(ec2, i.instanceId())));
            String name = config.tags().getOrDefault("Name", "");
            return new Observation.Observed<>(prefix + i.instanceId(), name.isEmpty() ? i.instanceId() : name,
                    scope.region(), config);
        });
    }

    /** The secrets in the instance's user data; the instance is unreadable (scope partial) when this fails. */
    private static List<FoundSecret> userDataSecrets(Ec2Client ec2, String instanceId) {
        var attribute = ec2.describeInstanceAttribute(r -> r.instanceId(instanceId)
                .attribute(InstanceAttributeName.USER_DATA)).userData();
        return UserData.secrets(attribute == null ? null : attribute.value());
    }

    private static Ec2InstanceConfig config(Instance i, List<FoundSecret> userDataSecrets) {
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
                userDataSecrets,
                i.launchTime(),
                tags);
    }
}
