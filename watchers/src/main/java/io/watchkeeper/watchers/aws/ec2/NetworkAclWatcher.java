package io.watchkeeper.watchers.aws.ec2;

import com.google.auto.service.AutoService;
import io.watchkeeper.aws.AwsSession;
import io.watchkeeper.core.config.aws.NetworkAclConfig;
import io.watchkeeper.core.config.aws.NetworkAclConfig.Entry;
import io.watchkeeper.core.watch.Observation;
import io.watchkeeper.core.watch.ScopeKind;
import io.watchkeeper.core.watch.WatchScope;
import io.watchkeeper.core.watch.Watcher;
import io.watchkeeper.watchers.aws.AwsWatcher;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.ec2.model.NetworkAcl;

/** VPC network ACLs with their rules in evaluation order and their subnets; one paginated call per region. */
@AutoService(Watcher.class)
public final class NetworkAclWatcher extends AwsWatcher<NetworkAclConfig> {

    private static final Comparator<Entry> ORDER = Comparator.comparing(Entry::egress,
                    Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Entry::ruleNumber, Comparator.nullsFirst(Comparator.naturalOrder()));

    public NetworkAclWatcher() {
        super("aws.ec2.network-acl", NetworkAclConfig.class, ScopeKind.REGIONAL, "ec2:DescribeNetworkAcls");
    }

    @Override
    protected List<Observation<NetworkAclConfig>> observe(WatchScope scope, AwsSession aws) {
        return aws.ec2(scope.region()).describeNetworkAclsPaginator(r -> r.maxResults(100)).networkAcls().stream()
                .<Observation<NetworkAclConfig>>map(acl -> {
                    NetworkAclConfig config = config(acl);
                    return new Observation.Observed<>("arn:aws:ec2:" + scope.region() + ":" + acl.ownerId()
                            + ":network-acl/" + acl.networkAclId(), nameTag(config.tags(), acl.networkAclId()),
                            scope.region(), config);
                })
                .toList();
    }

    private static NetworkAclConfig config(NetworkAcl acl) {
        return new NetworkAclConfig(acl.networkAclId(), acl.vpcId(), acl.ownerId(), acl.isDefault(),
                sorted(acl.associations().stream().map(a -> a.subnetId()).filter(Objects::nonNull).toList(),
                        Comparator.naturalOrder()),
                sorted(acl.entries().stream().map(e -> new Entry(e.ruleNumber(), e.egress(), e.protocol(),
                        e.ruleActionAsString(), e.cidrBlock(), e.ipv6CidrBlock(),
                        e.portRange() == null ? null : e.portRange().from(),
                        e.portRange() == null ? null : e.portRange().to(),
                        e.icmpTypeCode() == null ? null : e.icmpTypeCode().type(),
                        e.icmpTypeCode() == null ? null : e.icmpTypeCode().code())).toList(), ORDER),
                tags(acl.tags(), t -> t.key(), t -> t.value()));
    }
}
