package io.watchkeeper.auditors.aws.ec2;

import static io.watchkeeper.auditors.rules.Facts.blank;
import static io.watchkeeper.auditors.rules.Facts.details;
import static io.watchkeeper.auditors.rules.Facts.is;
import static io.watchkeeper.auditors.rules.Facts.list;

import com.google.auto.service.AutoService;
import io.watchkeeper.auditors.policy.network.NetworkEvaluator;
import io.watchkeeper.auditors.policy.network.NetworkRule;
import io.watchkeeper.auditors.rules.Facts;
import io.watchkeeper.auditors.rules.RuleCheck;
import io.watchkeeper.core.config.aws.EbsVolumeConfig;
import io.watchkeeper.core.config.aws.Ec2InstanceConfig;
import io.watchkeeper.core.config.aws.NetworkAclConfig;
import io.watchkeeper.core.config.aws.RouteTableConfig;
import io.watchkeeper.core.config.aws.VpcConfig;
import io.watchkeeper.core.config.aws.VpcPeeringConnectionConfig;
import io.watchkeeper.core.finding.AuditContext;
import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.CheckSet;
import io.watchkeeper.core.finding.EntityClass;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import io.watchkeeper.core.finding.Severity;
import io.watchkeeper.core.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * VPC-level network and storage conditions: network ACLs that let the internet reach remote
 * administration ports (CIS 5.1, evaluated in rule order as address sets), VPCs without flow logs
 * (3.7), peering with unknown accounts, routes sending the internet's range into a peering,
 * unencrypted EBS volumes and internet-facing instances with a role.
 */
@AutoService(CheckSet.class)
public final class Ec2Rules implements CheckSet {

    @Override
    public List<Check<?>> checks() {
        return List.of(
                RuleCheck.of("aws.ec2.network-acl/admin-port-open", NetworkAclConfig.class, Severity.MEDIUM)
                        .title("Network ACL lets the internet reach SSH or RDP")
                        .why("The ACL is the subnet's second line of defence; allowing 0.0.0.0/0 or ::/0 to remote"
                                + " administration ports leaves only the security groups between them and the internet.")
                        .fix("Add a deny rule for ports 22 and 3389 from 0.0.0.0/0 and ::/0 ahead of the allow rules, or"
                                + " narrow the allow rules to known networks.")
                        .cis("5.1")
                        .evaluate(Ec2Rules::aclAdminPorts),
                RuleCheck.of("aws.ec2.vpc/flow-logs-off", VpcConfig.class, Severity.MEDIUM)
                        .title("VPC has no flow log of rejected traffic")
                        .why("Without flow logs there is no record of connections probing or leaving the VPC to"
                                + " investigate an incident.")
                        .fix("aws ec2 create-flow-logs --resource-type VPC --traffic-type REJECT (or ALL) to CloudWatch"
                                + " Logs or S3.")
                        .cis("3.7")
                        .when(v -> list(v.flowLogs()).stream().noneMatch(f -> (is(f.trafficType(), "ALL")
                                                || is(f.trafficType(), "REJECT")) && (f.flowLogStatus() == null
                                                || is(f.flowLogStatus(), "ACTIVE"))), "flow-logs",
                                v -> "VPC " + v.vpcId() + " has no active flow log of rejected traffic", Exposure.INTERNAL,
                                v -> details("flowLogs", list(v.flowLogs()).stream()
                                        .map(f -> f.flowLogId() + " (" + f.trafficType() + ", " + f.flowLogStatus() + ")").toList())),
                RuleCheck.of("aws.ec2.vpc-peering-connection/unknown-account", VpcPeeringConnectionConfig.class,
                                Severity.HIGH)
                        .title("VPC peering with an account nobody registered")
                        .why("A peering connects the networks both ways: an unknown account's instances can reach this"
                                + " VPC wherever routes and security groups allow.")
                        .fix("Delete the peering connection if the peer is not a known partner; register the account"
                                + " (as third party) if it is.")
                        .evaluate(Ec2Rules::unknownPeer),
                RuleCheck.of("aws.ec2.route-table/peering-default-route", RouteTableConfig.class, Severity.LOW)
                        .title("Route table sends every address to a VPC peering connection")
                        .why("A 0.0.0.0/0 or ::/0 route to a peering hands the peer all traffic that no narrower route"
                                + " takes, instead of the few networks it serves.")
                        .fix("Replace the route with routes to the peer VPC's CIDRs only (least-access routing).")
                        .evaluate(Ec2Rules::peeringDefaultRoutes),
                RuleCheck.of("aws.ec2.volume/unencrypted", EbsVolumeConfig.class, Severity.MEDIUM)
                        .title("EBS volume is not encrypted")
                        .why("An unencrypted volume's snapshots and copies are unencrypted too, and its data is readable"
                                + " without any KMS permission.")
                        .fix("Copy the volume's snapshot with encryption, create an encrypted volume from it and swap it in;"
                                + " turn on EBS encryption by default.")
                        .when(v -> Boolean.FALSE.equals(v.encrypted()), "encryption",
                                v -> "Volume " + v.volumeId() + " is not encrypted", Exposure.INTERNAL,
                                v -> details("encrypted", false, "attachments", list(v.attachments()).stream()
                                        .map(a -> Objects.requireNonNullElse(a.instanceId(), "?")).toList())),
                RuleCheck.of("aws.ec2.instance/public-with-instance-profile", Ec2InstanceConfig.class, Severity.MEDIUM)
                        .title("Internet-facing instance has an IAM role")
                        .why("A public instance is the first thing attacked; its role's credentials are one metadata"
                                + " request away for whoever gets code or an SSRF on it.")
                        .fix("Move the instance behind a load balancer or NAT, or scope its role to the least it needs"
                                + " and require IMDSv2.")
                        .when(i -> i.hasPublicIp() && !blank(i.iamInstanceProfileArn()) && !is(i.state(), "terminated"),
                                "public-role", i -> "Instance " + i.instanceId() + " has a public address and the role "
                                        + i.iamInstanceProfileArn(), Exposure.INTERNET,
                                i -> details("instanceProfile", i.iamInstanceProfileArn(), "publicIp", true)));
    }

    private static final int[] ADMIN_PORTS = {22, 3389};

    static List<Evidence> aclAdminPorts(NetworkAclConfig acl, AuditContext context) {
        List<NetworkRule> inbound = new ArrayList<>();
        for (NetworkAclConfig.Entry e : list(acl.entries())) {
            if (Boolean.TRUE.equals(e.egress()) || e.ruleNumber() == null) {
                continue;
            }
            String source = e.cidrBlock() != null ? e.cidrBlock() : e.ipv6CidrBlock();
            inbound.add(new NetworkRule(e.ruleNumber(), is(e.ruleAction(), "allow"), e.protocol(), e.fromPort(),
                    e.toPort(), source, "rule:" + e.ruleNumber()));
        }
        List<Evidence> out = new ArrayList<>();
        for (int port : ADMIN_PORTS) {
            NetworkEvaluator.Admitted admitted = NetworkEvaluator.networkAcl(inbound, "tcp", port);
            if (admitted.internet()) {
                List<String> rules = admitted.rules().stream().map(NetworkRule::ref).toList();
                out.add(Evidence.of("ingress:tcp:" + port, Facts.line("Network ACL " + acl.networkAclId()
                                + " allows the internet to port " + port + " (" + String.join(", ", rules) + ")"),
                        Exposure.INTERNET, Json.tree(details("port", port, "rules", rules,
                                "families", admitted.allowed().internetFamilies().stream().map(Enum::name).toList()))));
            }
        }
        return out;
    }

    static List<Evidence> unknownPeer(VpcPeeringConnectionConfig p, AuditContext context) {
        if (is(p.status(), "deleted") || is(p.status(), "rejected") || is(p.status(), "failed") || is(p.status(), "expired")) {
            return List.of();
        }
        List<Evidence> out = new ArrayList<>();
        for (VpcPeeringConnectionConfig.Side side : new VpcPeeringConnectionConfig.Side[] {p.requester(), p.accepter()}) {
            if (side == null || blank(side.ownerId()) || !side.ownerId().matches("\\d{12}")) {
                continue;
            }
            if (context.classifyPrincipal(side.ownerId()) == EntityClass.UNKNOWN) {
                out.add(Evidence.of("peer:" + side.ownerId(), Facts.line("Peering " + p.vpcPeeringConnectionId()
                                + " connects to VPC " + side.vpcId() + " of unknown account " + side.ownerId()),
                        Exposure.UNKNOWN_ACCOUNT, Json.tree(details("account", side.ownerId(), "vpc", side.vpcId(),
                                "cidrBlocks", list(side.cidrBlocks())))));
            }
        }
        return out;
    }

    static List<Evidence> peeringDefaultRoutes(RouteTableConfig table, AuditContext context) {
        List<Evidence> out = new ArrayList<>();
        for (RouteTableConfig.Route r : list(table.routes())) {
            if (is(r.targetType(), "vpc-peering-connection") && ("0.0.0.0/0".equals(r.destination())
                    || "::/0".equals(r.destination()))) {
                out.add(Evidence.of(Facts.key("route:" + r.destination() + ":" + r.target()), Facts.line("Route "
                        + r.destination() + " goes to peering " + r.target()), Exposure.INTERNAL, r));
            }
        }
        return out;
    }
}
