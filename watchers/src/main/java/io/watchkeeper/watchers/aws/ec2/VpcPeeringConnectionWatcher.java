package io.watchkeeper.watchers.aws.ec2;

import com.google.auto.service.AutoService;
import io.watchkeeper.aws.AwsSession;
import io.watchkeeper.core.config.aws.VpcPeeringConnectionConfig;
import io.watchkeeper.core.config.aws.VpcPeeringConnectionConfig.Side;
import io.watchkeeper.core.watch.Observation;
import io.watchkeeper.core.watch.ScopeKind;
import io.watchkeeper.core.watch.WatchScope;
import io.watchkeeper.core.watch.Watcher;
import io.watchkeeper.watchers.aws.AwsWatcher;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.ec2.model.VpcPeeringConnectionVpcInfo;

/** VPC peering connections of the region (both those requested and those accepted), one paginated call. */
@AutoService(Watcher.class)
public final class VpcPeeringConnectionWatcher extends AwsWatcher<VpcPeeringConnectionConfig> {

    /** States of connections that are gone but still listed for a while. */
    private static final Set<String> GONE = Set.of("deleted", "rejected", "failed", "expired");

    public VpcPeeringConnectionWatcher() {
        super("aws.ec2.vpc-peering-connection", VpcPeeringConnectionConfig.class, ScopeKind.REGIONAL,
                "ec2:DescribeVpcPeeringConnections");
    }

    @Override
    protected List<Observation<VpcPeeringConnectionConfig>> observe(WatchScope scope, AwsSession aws) {
        String accountId = aws.accountId();
        return aws.ec2(scope.region()).describeVpcPeeringConnectionsPaginator(r -> r.maxResults(1000))
                .vpcPeeringConnections().stream()
                .filter(p -> p.status() == null || !GONE.contains(p.status().codeAsString()))
                .<Observation<VpcPeeringConnectionConfig>>map(p -> {
                    Map<String, String> tags = tags(p.tags(), t -> t.key(), t -> t.value());
                    var config = new VpcPeeringConnectionConfig(p.vpcPeeringConnectionId(),
                            p.status() == null ? null : p.status().codeAsString(), side(p.requesterVpcInfo()),
                            side(p.accepterVpcInfo()), p.expirationTime(), tags);
                    return new Observation.Observed<>("arn:aws:ec2:" + scope.region() + ":" + accountId
                            + ":vpc-peering-connection/" + p.vpcPeeringConnectionId(),
                            nameTag(tags, p.vpcPeeringConnectionId()), scope.region(), config);
                })
                .toList();
    }

    private static Side side(VpcPeeringConnectionVpcInfo info) {
        if (info == null) {
            return null;
        }
        List<String> cidrs = info.cidrBlockSet().isEmpty() && info.cidrBlock() != null ? List.of(info.cidrBlock())
                : info.cidrBlockSet().stream().map(c -> c.cidrBlock()).toList();
        return new Side(info.ownerId(), info.vpcId(), info.region(), sorted(cidrs, Comparator.naturalOrder()),
                sorted(info.ipv6CidrBlockSet().stream().map(c -> c.ipv6CidrBlock()).toList(), Comparator.naturalOrder()),
                info.peeringOptions() == null ? null : info.peeringOptions().allowDnsResolutionFromRemoteVpc());
    }
}
