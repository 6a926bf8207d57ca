package io.watchkeeper.watchers.aws.ec2;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.config.aws.VpcPeeringConnectionConfig;
import io.watchkeeper.watchers.testing.AwsWatcherTestSupport;
import io.watchkeeper.watchers.testing.Moto;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;

class VpcPeeringConnectionWatcherTest extends AwsWatcherTestSupport {

    private static final String REGION = "eu-west-1";
    private final VpcPeeringConnectionWatcher watcher = new VpcPeeringConnectionWatcher();

    @Test
    void readsBothSidesOfAnActiveConnectionAndSkipsRejectedOnes() {
        Ec2Client ec2 = moto.client(Ec2Client.builder(), REGION);
        String a = ec2.createVpc(r -> r.cidrBlock("10.1.0.0/16")).vpc().vpcId();
        String b = ec2.createVpc(r -> r.cidrBlock("10.2.0.0/16")).vpc().vpcId();
        String c = ec2.createVpc(r -> r.cidrBlock("10.3.0.0/16")).vpc().vpcId();
        String active = ec2.createVpcPeeringConnection(r -> r.vpcId(a).peerVpcId(b)).vpcPeeringConnection()
                .vpcPeeringConnectionId();
        ec2.acceptVpcPeeringConnection(r -> r.vpcPeeringConnectionId(active));
        String rejected = ec2.createVpcPeeringConnection(r -> r.vpcId(a).peerVpcId(c)).vpcPeeringConnection()
                .vpcPeeringConnectionId();
        ec2.rejectVpcPeeringConnection(r -> r.vpcPeeringConnectionId(rejected));
        String pending = ec2.createVpcPeeringConnection(r -> r.vpcId(b).peerVpcId(c)).vpcPeeringConnection()
                .vpcPeeringConnectionId();

        Map<String, VpcPeeringConnectionConfig> seen = configs(watcher, REGION);
        assertThat(seen).containsOnlyKeys(active, pending);
        VpcPeeringConnectionConfig p = seen.get(active);
        assertThat(p.status()).isEqualTo("active");
        assertThat(p.requester().vpcId()).isEqualTo(a);
        assertThat(p.requester().ownerId()).isEqualTo(Moto.ACCOUNT_ID);
        assertThat(p.requester().cidrBlocks()).containsExactly("10.1.0.0/16");
        assertThat(p.accepter().vpcId()).isEqualTo(b);
        assertThat(p.accepter().cidrBlocks()).containsExactly("10.2.0.0/16");
        assertThat(p.accepter().region()).isEqualTo(REGION);
        assertThat(seen.get(pending).status()).isEqualTo("pending-acceptance");
        assertThat(observe(watcher, "us-east-1")).isEmpty();
    }
}
