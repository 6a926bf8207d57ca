package io.watchkeeper.core.config.aws;

import java.util.List;
import java.util.Map;

/**
 * A VPC route table ({@code aws.ec2.route-table}).
 *
 * @param routeTableId rtb-…
 * @param vpcId its VPC
 * @param ownerId the owning account
 * @param main whether it is its VPC's main route table
 * @param subnetIds subnets explicitly associated with it, sorted
 * @param gatewayIds gateways associated with it (edge association), sorted
 * @param routes its routes, sorted by destination
 * @param propagatingVgws virtual private gateways propagating routes into it, sorted
 * @param tags tags
 */
public record RouteTableConfig(
        String routeTableId,
        String vpcId,
        String ownerId,
        boolean main,
        List<String> subnetIds,
        List<String> gatewayIds,
        List<Route> routes,
        List<String> propagatingVgws,
        Map<String, String> tags) {

    /**
     * One route.
     *
     * @param destination the destination CIDR (IPv4 or IPv6) or prefix list id
     * @param destinationType cidr4, cidr6 or prefix-list
     * @param targetType gateway (internet, virtual private or local), nat-gateway, transit-gateway,
     *     vpc-peering-connection, instance, network-interface, egress-only-internet-gateway,
     *     carrier-gateway, local-gateway, core-network or unknown
     * @param target the target's id (or ARN for core networks)
     * @param state active or blackhole
     * @param origin CreateRouteTable, CreateRoute or EnableVgwRoutePropagation
     */
    public record Route(String destination, String destinationType, String targetType, String target, String state,
                        String origin) {}
}
