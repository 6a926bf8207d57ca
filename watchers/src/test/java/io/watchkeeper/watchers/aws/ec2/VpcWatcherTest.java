package io.watchkeeper.watchers.aws.ec2;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.config.aws.VpcConfig;
import io.watchkeeper.core.json.CanonicalJson;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.watch.Observation;
import io.watchkeeper.watchers.testing.AwsWatcherTestSupport;
import io.watchkeeper.watchers.testing.Moto;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.FlowLogsResourceType;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.TrafficType;

class VpcWatcherTest extends AwsWatcherTestSupport {

    private static final String REGION = "eu-west-1";
    private final VpcWatcher watcher = new VpcWatcher();

    @Test
    void joinsEachVpcWithItsOwnFlowLogsOnly() {
        Ec2Client ec2 = moto.client(Ec2Client.builder(), REGION);
        String vpc = ec2.createVpc(r -> r.cidrBlock("10.20.0.0/16").tagSpecifications(t -> t
                .resourceType(ResourceType.VPC).tags(tag -> tag.key("Name").value("payments")))).vpc().vpcId();
        ec2.associateVpcCidrBlock(r -> r.vpcId(vpc).cidrBlock("10.21.0.0/16"));
        String subnet = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.20.1.0/24")).subnet().subnetId();
        ec2.createFlowLogs(r -> r.resourceIds(vpc).resourceType(FlowLogsResourceType.VPC).trafficType(TrafficType.REJECT)
                .logGroupName("vpc-flows").deliverLogsPermissionArn("arn:aws:iam::" + Moto.ACCOUNT_ID + ":role/flows"));
        ec2.createFlowLogs(r -> r.resourceIds(subnet).resourceType(FlowLogsResourceType.SUBNET)
                .trafficType(TrafficType.ALL).logGroupName("subnet-flows")
                .deliverLogsPermissionArn("arn:aws:iam::" + Moto.ACCOUNT_ID + ":role/flows"));

        Map<String, VpcConfig> byId = observed().values().stream().map(Observation.Observed::config)
                .collect(Collectors.toMap(VpcConfig::vpcId, c -> c));
        VpcConfig payments = byId.get(vpc);
        assertThat(payments.cidrBlock()).isEqualTo("10.20.0.0/16");
        assertThat(payments.cidrBlocks()).containsExactly("10.20.0.0/16", "10.21.0.0/16");
        assertThat(payments.isDefault()).isFalse();
        assertThat(payments.ownerId()).isEqualTo(Moto.ACCOUNT_ID);
        assertThat(payments.tags()).containsEntry("Name", "payments");
        assertThat(payments.flowLogs()).singleElement().satisfies(f -> {
            assertThat(f.flowLogId()).startsWith("fl-");
            assertThat(f.trafficType()).isEqualTo("REJECT");
            assertThat(f.logGroupName()).isEqualTo("vpc-flows");
            assertThat(f.logDestinationType()).isEqualTo("cloud-watch-logs");
            assertThat(f.flowLogStatus()).isEqualTo("ACTIVE");
        });
        assertThat(Json.read(CanonicalJson.of(payments).fullText(), VpcConfig.class)).isEqualTo(payments);

        // the default VPC has none (the subnet's flow log is not the VPC's)
        VpcConfig defaultVpc = byId.values().stream().filter(VpcConfig::isDefault).findFirst().orElseThrow();
        assertThat(defaultVpc.flowLogs()).isEmpty();
    }

    @Test
    void namesComeFromTheNameTagAndIdsAreArns() {
        Ec2Client ec2 = moto.client(Ec2Client.builder(), REGION);
        String vpc = ec2.createVpc(r -> r.cidrBlock("10.30.0.0/16")).vpc().vpcId();
        Map<String, Observation.Observed<VpcConfig>> all = observed();
        assertThat(all).containsKey(vpc);
        assertThat(all.get(vpc).resourceId()).isEqualTo("arn:aws:ec2:" + REGION + ":" + Moto.ACCOUNT_ID + ":vpc/" + vpc);
        assertThat(observe(watcher, "us-west-2")).noneMatch(o -> o.resourceId().endsWith(vpc));
    }

    private Map<String, Observation.Observed<VpcConfig>> observed() {
        return observe(watcher, REGION).stream().map(o -> (Observation.Observed<VpcConfig>) o)
                .collect(Collectors.toMap(Observation.Observed::name, o -> o));
    }
}
