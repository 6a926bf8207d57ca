package io.watchkeeper.watchers.aws.ec2;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.config.aws.RouteTableConfig;
import io.watchkeeper.core.config.aws.RouteTableConfig.Route;
import io.watchkeeper.watchers.testing.AwsWatcherTestSupport;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;

class RouteTableWatcherTest extends AwsWatcherTestSupport {

    private static final String REGION = "eu-west-1";
    private final RouteTableWatcher watcher = new RouteTableWatcher();

    @Test
    void readsRoutesTargetsAssociationsAndTheMainTable() {
        Ec2Client ec2 = moto.client(Ec2Client.builder(), REGION);
        String vpc = ec2.createVpc(r -> r.cidrBlock("10.9.0.0/16")).vpc().vpcId();
        String peer = ec2.createVpc(r -> r.cidrBlock("10.8.0.0/16")).vpc().vpcId();
        String pcx = ec2.createVpcPeeringConnection(r -> r.vpcId(vpc).peerVpcId(peer)).vpcPeeringConnection()
                .vpcPeeringConnectionId();
        String igw = ec2.createInternetGateway(r -> {}).internetGateway().internetGatewayId();
        ec2.attachInternetGateway(r -> r.vpcId(vpc).internetGatewayId(igw));
        String subnet = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.9.1.0/24")).subnet().subnetId();
        String publicTable = ec2.createRouteTable(r -> r.vpcId(vpc)).routeTable().routeTableId();
        ec2.createRoute(r -> r.routeTableId(publicTable).destinationCidrBlock("0.0.0.0/0").gatewayId(igw));
        ec2.createRoute(r -> r.routeTableId(publicTable).destinationCidrBlock("10.8.0.0/16").vpcPeeringConnectionId(pcx));
        ec2.associateRouteTable(r -> r.routeTableId(publicTable).subnetId(subnet));

        Map<String, RouteTableConfig> byId = configs(watcher, REGION).values().stream()
                .collect(Collectors.toMap(RouteTableConfig::routeTableId, c -> c));
        RouteTableConfig t = byId.get(publicTable);
        assertThat(t.vpcId()).isEqualTo(vpc);
        assertThat(t.main()).isFalse();
        assertThat(t.subnetIds()).containsExactly(subnet);
        assertThat(t.routes()).containsExactly(
                new Route("0.0.0.0/0", "cidr4", "gateway", igw, "active", "CreateRoute"),
                new Route("10.8.0.0/16", "cidr4", "vpc-peering-connection", pcx, "active", "CreateRoute"),
                new Route("10.9.0.0/16", "cidr4", "gateway", "local", "active", "CreateRouteTable"));

        // the VPC's main table routes only locally: no internet route
        RouteTableConfig main = byId.values().stream().filter(c -> c.vpcId().equals(vpc) && c.main()).findFirst()
                .orElseThrow();
        assertThat(main.routes()).extracting(Route::destination).containsExactly("10.9.0.0/16");
        assertThat(main.subnetIds()).isEmpty();
    }
}
