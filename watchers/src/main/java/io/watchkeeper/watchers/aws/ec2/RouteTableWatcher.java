package io.watchkeeper.watchers.aws.ec2;

import com.google.auto.service.AutoService;
import io.watchkeeper.aws.AwsSession;
import io.watchkeeper.core.config.aws.RouteTableConfig;
import io.watchkeeper.core.config.aws.RouteTableConfig.Route;
import io.watchkeeper.core.watch.Observation;
import io.watchkeeper.core.watch.ScopeKind;
import io.watchkeeper.core.watch.WatchScope;
import io.watchkeeper.core.watch.Watcher;
import io.watchkeeper.watchers.aws.AwsWatcher;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import software.amazon.awssdk.services.ec2.model.RouteTable;

/** VPC route tables with routes, associations and propagation; one paginated call per region. */
@AutoService(Watcher.class)
public final class RouteTableWatcher extends AwsWatcher<RouteTableConfig> {

    private static final Comparator<Route> ORDER = Comparator.comparing(Route::destination,
                    Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Route::target, Comparator.nullsFirst(Comparator.naturalOrder()));

    public RouteTableWatcher() {
        super("aws.ec2.route-table", RouteTableConfig.class, ScopeKind.REGIONAL, "ec2:DescribeRouteTables");
    }

    @Override
    protected List<Observation<RouteTableConfig>> observe(WatchScope scope, AwsSession aws) {
        return aws.ec2(scope.region()).describeRouteTablesPaginator(r -> r.maxResults(100)).routeTables().stream()
                .<Observation<RouteTableConfig>>map(t -> {
                    RouteTableConfig config = config(t);
                    return new Observation.Observed<>("arn:aws:ec2:" + scope.region() + ":" + t.ownerId()
                            + ":route-table/" + t.routeTableId(), nameTag(config.tags(), t.routeTableId()),
                            scope.region(), config);
                })
                .toList();
    }

    private static RouteTableConfig config(RouteTable t) {
        var associations = t.associations();
        return new RouteTableConfig(t.routeTableId(), t.vpcId(), t.ownerId(),
                associations.stream().anyMatch(a -> Boolean.TRUE.equals(a.main())),
                sorted(associations.stream().map(a -> a.subnetId()).filter(Objects::nonNull).toList(),
                        Comparator.naturalOrder()),
                sorted(associations.stream().map(a -> a.gatewayId()).filter(Objects::nonNull).toList(),
                        Comparator.naturalOrder()),
                sorted(t.routes().stream().map(RouteTableWatcher::route).toList(), ORDER),
                sorted(t.propagatingVgws().stream().map(v -> v.gatewayId()).toList(), Comparator.naturalOrder()),
                tags(t.tags(), tag -> tag.key(), tag -> tag.value()));
    }

    private static Route route(software.amazon.awssdk.services.ec2.model.Route r) {
        String destination;
        String destinationType;
        if (r.destinationCidrBlock() != null) {
            destination = r.destinationCidrBlock();
            destinationType = "cidr4";
        } else if (r.destinationIpv6CidrBlock() != null) {
            destination = r.destinationIpv6CidrBlock();
            destinationType = "cidr6";
        } else {
            destination = r.destinationPrefixListId();
            destinationType = "prefix-list";
        }
        String[] target = Stream.of(
                        new String[] {"gateway", r.gatewayId()},
                        new String[] {"nat-gateway", r.natGatewayId()},
                        new String[] {"transit-gateway", r.transitGatewayId()},
                        new String[] {"vpc-peering-connection", r.vpcPeeringConnectionId()},
                        new String[] {"egress-only-internet-gateway", r.egressOnlyInternetGatewayId()},
                        new String[] {"instance", r.instanceId()},
                        new String[] {"network-interface", r.networkInterfaceId()},
                        new String[] {"carrier-gateway", r.carrierGatewayId()},
                        new String[] {"local-gateway", r.localGatewayId()},
                        new String[] {"core-network", r.coreNetworkArn()})
                .filter(p -> p[1] != null && !p[1].isEmpty())
                .findFirst().orElse(new String[] {"unknown", null});
        return new Route(destination, destinationType, target[0], target[1], r.stateAsString(), r.originAsString());
    }
}
