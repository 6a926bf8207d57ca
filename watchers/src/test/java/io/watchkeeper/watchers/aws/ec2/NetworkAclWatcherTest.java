package io.watchkeeper.watchers.aws.ec2;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.config.aws.NetworkAclConfig;
import io.watchkeeper.core.config.aws.NetworkAclConfig.Entry;
import io.watchkeeper.watchers.testing.AwsWatcherTestSupport;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.RuleAction;

class NetworkAclWatcherTest extends AwsWatcherTestSupport {

    private static final String REGION = "eu-west-1";
    private final NetworkAclWatcher watcher = new NetworkAclWatcher();

    @Test
    void readsRulesInEvaluationOrderAndTheSubnetsAcrossDefaultAndCustomAcls() {
        Ec2Client ec2 = moto.client(Ec2Client.builder(), REGION);
        String vpc = ec2.createVpc(r -> r.cidrBlock("10.7.0.0/16")).vpc().vpcId();
        String acl = ec2.createNetworkAcl(r -> r.vpcId(vpc)).networkAcl().networkAclId();
        ec2.createNetworkAclEntry(r -> r.networkAclId(acl).ruleNumber(200).protocol("6").ruleAction(RuleAction.ALLOW)
                .egress(false).cidrBlock("0.0.0.0/0").portRange(p -> p.from(22).to(22)));
        ec2.createNetworkAclEntry(r -> r.networkAclId(acl).ruleNumber(100).protocol("6").ruleAction(RuleAction.DENY)
                .egress(false).cidrBlock("203.0.113.0/24").portRange(p -> p.from(22).to(22)));
        ec2.createNetworkAclEntry(r -> r.networkAclId(acl).ruleNumber(100).protocol("-1").ruleAction(RuleAction.ALLOW)
                .egress(true).ipv6CidrBlock("::/0"));

        Map<String, NetworkAclConfig> byId = configs(watcher, REGION).values().stream()
                .collect(Collectors.toMap(NetworkAclConfig::networkAclId, c -> c));
        NetworkAclConfig custom = byId.get(acl);
        assertThat(custom.vpcId()).isEqualTo(vpc);
        assertThat(custom.isDefault()).isFalse();
        assertThat(custom.entries()).filteredOn(e -> e.ruleNumber() < 32767).containsExactly(
                new Entry(100, false, "6", "deny", "203.0.113.0/24", null, 22, 22, null, null),
                new Entry(200, false, "6", "allow", "0.0.0.0/0", null, 22, 22, null, null),
                new Entry(100, true, "-1", "allow", null, "::/0", null, null, null, null));

        NetworkAclConfig byDefault = byId.values().stream().filter(c -> c.vpcId().equals(vpc) && c.isDefault())
                .findFirst().orElseThrow();
        assertThat(byDefault.entries()).noneMatch(e -> e.ruleNumber() == 200);
    }
}
