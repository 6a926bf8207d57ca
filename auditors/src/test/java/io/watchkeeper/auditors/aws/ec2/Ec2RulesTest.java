package io.watchkeeper.auditors.aws.ec2;

import static io.watchkeeper.auditors.testing.RuleCase.fails;
import static io.watchkeeper.auditors.testing.RuleCase.passes;

import io.watchkeeper.auditors.testing.RuleCase;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Network ACLs (CIS 5.1, in rule order as sets), flow logs (3.7), peering, routes, volumes, public instances. */
public class Ec2RulesTest {

    private static String entry(int n, String action, String protocol, Integer from, Integer to, String cidr) {
        String source = cidr.contains(":") ? "'ipv6CidrBlock':'" + cidr + "'" : "'cidrBlock':'" + cidr + "'";
        return "{'ruleNumber':" + n + ",'egress':false,'protocol':'" + protocol + "','ruleAction':'" + action + "',"
                + source + (from == null ? "" : ",'fromPort':" + from + ",'toPort':" + to) + "}";
    }

    private static String acl(String... entries) {
        return "{'networkAclId':'acl-1','vpcId':'vpc-1','entries':[" + String.join(",", entries) + "]}";
    }

    private static final String DENY_REST = entry(32767, "deny", "-1", null, null, "0.0.0.0/0");

    public static final List<RuleCase> CASES = List.of(
            fails("aws.ec2.network-acl/admin-port-open", acl(entry(100, "allow", "-1", null, null, "0.0.0.0/0"), DENY_REST),
                    "ingress:tcp:22", "ingress:tcp:3389"),
            fails("aws.ec2.network-acl/admin-port-open", acl(entry(100, "allow", "6", 0, 1024, "::/0"), DENY_REST),
                    "ingress:tcp:22"),
            fails("aws.ec2.network-acl/admin-port-open", acl(entry(100, "allow", "6", 22, 22, "0.0.0.0/1"),
                    entry(110, "allow", "6", 22, 22, "128.0.0.0/1"), DENY_REST), "ingress:tcp:22"),
            passes("aws.ec2.network-acl/admin-port-open", acl(entry(90, "deny", "6", 22, 22, "0.0.0.0/0"),
                    entry(91, "deny", "6", 3389, 3389, "0.0.0.0/0"), entry(100, "allow", "-1", null, null, "0.0.0.0/0"),
                    DENY_REST), "a deny ahead of the allow-all (first match wins)"),
            passes("aws.ec2.network-acl/admin-port-open", acl(entry(100, "allow", "6", 443, 443, "0.0.0.0/0"),
                    entry(110, "allow", "6", 22, 22, "10.0.0.0/8"), DENY_REST), "HTTPS only, SSH from private ranges"),
            passes("aws.ec2.network-acl/admin-port-open", "{'networkAclId':'acl-2','entries':[{'ruleNumber':100,"
                    + "'egress':true,'protocol':'-1','ruleAction':'allow','cidrBlock':'0.0.0.0/0'}]}", "egress only"),
            fails("aws.ec2.vpc/flow-logs-off", "{'vpcId':'vpc-1','flowLogs':[]}", "flow-logs"),
            fails("aws.ec2.vpc/flow-logs-off", "{'vpcId':'vpc-1','flowLogs':[{'flowLogId':'fl-1','trafficType':'ACCEPT',"
                    + "'flowLogStatus':'ACTIVE'}]}", "flow-logs"),
            passes("aws.ec2.vpc/flow-logs-off", "{'vpcId':'vpc-1','flowLogs':[{'flowLogId':'fl-1','trafficType':'REJECT',"
                    + "'flowLogStatus':'ACTIVE'}]}", "rejected traffic logged"),
            passes("aws.ec2.vpc/flow-logs-off", "{'vpcId':'vpc-1','flowLogs':[{'flowLogId':'fl-1','trafficType':'ALL'}]}",
                    "all traffic logged"),
            fails("aws.ec2.vpc-peering-connection/unknown-account", "{'vpcPeeringConnectionId':'pcx-1','status':'active',"
                    + "'requester':{'ownerId':'111111111111','vpcId':'vpc-1'},'accepter':{'ownerId':'999999999999',"
                    + "'vpcId':'vpc-9'}}", "peer:999999999999"),
            passes("aws.ec2.vpc-peering-connection/unknown-account", "{'vpcPeeringConnectionId':'pcx-2','status':'active',"
                    + "'requester':{'ownerId':'111111111111','vpcId':'vpc-1'},'accepter':{'ownerId':'222222222222',"
                    + "'vpcId':'vpc-2'}}", "a registered account"),
            passes("aws.ec2.vpc-peering-connection/unknown-account", "{'vpcPeeringConnectionId':'pcx-3','status':'deleted',"
                    + "'requester':{'ownerId':'111111111111'},'accepter':{'ownerId':'999999999999'}}", "deleted"),
            fails("aws.ec2.route-table/peering-default-route", "{'routeTableId':'rtb-1','main':false,'routes':[{'destination':'0.0.0.0/0',"
                    + "'targetType':'vpc-peering-connection','target':'pcx-1'}]}", "route:0.0.0.0/0:pcx-1"),
            passes("aws.ec2.route-table/peering-default-route", "{'routeTableId':'rtb-1','main':false,'routes':[{'destination':"
                    + "'0.0.0.0/0','targetType':'gateway','target':'igw-1'},{'destination':'10.9.0.0/16',"
                    + "'targetType':'vpc-peering-connection','target':'pcx-1'}]}", "a narrow peering route"),
            fails("aws.ec2.volume/unencrypted", "{'volumeId':'vol-1','encrypted':false}", "encryption"),
            passes("aws.ec2.volume/unencrypted", "{'volumeId':'vol-1','encrypted':true,'kmsKeyId':'k'}", "encrypted"),
            fails("aws.ec2.instance/public-with-instance-profile", "{'instanceId':'i-1','state':'running','hasPublicIp':true,"
                    + "'iamInstanceProfileArn':'arn:aws:iam::111111111111:instance-profile/web'}", "public-role"),
            passes("aws.ec2.instance/public-with-instance-profile", "{'instanceId':'i-1','state':'running',"
                    + "'hasPublicIp':false,'iamInstanceProfileArn':'arn:aws:iam::111111111111:instance-profile/web'}",
                    "private instance with a role"),
            passes("aws.ec2.instance/public-with-instance-profile", "{'instanceId':'i-1','state':'running',"
                    + "'hasPublicIp':true}", "public instance without a role"));

    @ParameterizedTest(name = "{0}")
    @FieldSource("CASES")
    void decides(RuleCase example) {
        example.run();
    }
}
