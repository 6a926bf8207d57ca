package io.watchkeeper.benchmarks;

import static io.watchkeeper.benchmarks.SyntheticOrg.hash;
import static io.watchkeeper.benchmarks.SyntheticOrg.hex;
import static io.watchkeeper.benchmarks.SyntheticOrg.instant;

import io.watchkeeper.benchmarks.SyntheticOrg.Kind;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * EC2 answers for the types added with issue 14, in the EC2 query protocol's XML as in the EC2 API
 * reference: DescribeVpcs, DescribeFlowLogs, DescribeVpcPeeringConnections, DescribeRouteTables,
 * DescribeNetworkAcls, DescribeVolumes (all with {@code nextToken} paging) and the five regional
 * account settings. Every durable value moves with the item's version.
 */
final class NetworkResponses {

    private final SyntheticOrg org;

    NetworkResponses(SyntheticOrg org) {
        this.org = org;
    }

    /** The answer to {@code action}, or null when this class does not serve it. */
    String answer(int a, int region, String action, Map<String, String> params, String requestId) {
        return switch (action) {
            case "DescribeVpcs" -> page(action, "vpcSet", Kind.VPC, a, region, params, requestId, v -> vpc(a, region, v));
            case "DescribeFlowLogs" -> page(action, "flowLogSet", Kind.VPC, a, region, params, requestId,
                    v -> flowLog(a, region, v));
            case "DescribeVpcPeeringConnections" -> page(action, "vpcPeeringConnectionSet", Kind.VPC_PEERING, a, region,
                    params, requestId, p -> peering(a, region, p));
            case "DescribeRouteTables" -> page(action, "routeTableSet", Kind.ROUTE_TABLE, a, region, params, requestId,
                    t -> routeTable(a, region, t));
            case "DescribeNetworkAcls" -> page(action, "networkAclSet", Kind.NETWORK_ACL, a, region, params, requestId,
                    n -> networkAcl(a, region, n));
            case "DescribeVolumes" -> page(action, "volumeSet", Kind.VOLUME, a, region, params, requestId,
                    v -> volume(a, region, v));
            case "GetEbsEncryptionByDefault" -> setting(action, requestId, "<ebsEncryptionByDefault>"
                    + (settings(a, region) % 2 == 0) + "</ebsEncryptionByDefault><sseType>sse-ebs</sseType>");
            case "GetEbsDefaultKmsKeyId" -> setting(action, requestId, "<kmsKeyId>alias/aws/ebs</kmsKeyId>");
            case "GetSnapshotBlockPublicAccessState" -> setting(action, requestId, "<state>"
                    + (a % 3 == 0 ? "block-all-sharing" : "unblocked") + "</state><managedBy>account</managedBy>");
            case "GetImageBlockPublicAccessState" -> setting(action, requestId, "<imageBlockPublicAccessState>"
                    + "block-new-sharing</imageBlockPublicAccessState><managedBy>account</managedBy>");
            case "GetInstanceMetadataDefaults" -> setting(action, requestId, a % 2 == 0 ? "<accountLevel/>"
                    : "<accountLevel><httpTokens>required</httpTokens><httpPutResponseHopLimit>2</httpPutResponseHopLimit>"
                            + "<httpEndpoint>enabled</httpEndpoint><instanceMetadataTags>disabled</instanceMetadataTags>"
                            + "</accountLevel>");
            default -> null;
        };
    }

    private int settings(int a, int region) {
        return org.version(a, Kind.EC2_SETTINGS, region, 0) + a;
    }

    private String setting(String action, String requestId, String body) {
        return "<" + action + "Response xmlns=\"" + Ec2Responses.NS + "\"><requestId>" + requestId + "</requestId>" + body
                + "</" + action + "Response>";
    }

    private String page(String action, String set, Kind kind, int a, int region, Map<String, String> params,
                        String requestId, IntToXml item) {
        int count = org.sizes().count(kind);
        int from = params.containsKey("NextToken") ? Integer.parseInt(params.get("NextToken")) : 0;
        int max = params.containsKey("MaxResults") ? Math.max(5, Math.min(1000, Integer.parseInt(params.get("MaxResults"))))
                : 1000;
        int to = Math.min(count, from + max);
        StringBuilder x = new StringBuilder(512 + (to - from) * 900);
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<").append(action).append("Response xmlns=\"")
                .append(Ec2Responses.NS).append("\"><requestId>").append(requestId).append("</requestId><").append(set)
                .append('>');
        for (int i = from; i < to; i++) {
            x.append(item.xml(i));
        }
        x.append("</").append(set).append('>');
        if (to < count) {
            x.append("<nextToken>").append(to).append("</nextToken>");
        }
        return x.append("</").append(action).append("Response>").toString();
    }

    @FunctionalInterface
    private interface IntToXml {
        String xml(int index);
    }

    static String vpcId(int a, int region, int v) {
        return "vpc-" + hex(hash(a, Kind.VPC, region, v, 0), 17);
    }

    private static String subnetId(int a, int region, int s) {
        return "subnet-" + hex(hash(a, Kind.ROUTE_TABLE, region, s, 1), 17);
    }

    private String cidr(int a, int region, int v) {
        return "10." + ((a * 8 + region * 2 + v) % 250) + ".0.0/16";
    }

    private static String tags(Map<String, String> tags) {
        StringBuilder s = new StringBuilder("<tagSet>");
        tags.forEach((k, v) -> s.append("<item><key>").append(k).append("</key><value>").append(v).append("</value></item>"));
        return s.append("</tagSet>").toString();
    }

    private String vpc(int a, int region, int v) {
        int version = org.version(a, Kind.VPC, region, v);
        String cidr = cidr(a, region, v);
        return "<item><vpcId>" + vpcId(a, region, v) + "</vpcId><ownerId>" + org.accountId(a) + "</ownerId>"
                + "<state>available</state><cidrBlock>" + cidr + "</cidrBlock><cidrBlockAssociationSet><item><cidrBlock>"
                + cidr + "</cidrBlock><associationId>vpc-cidr-assoc-" + hex(hash(a, Kind.VPC, region, v, 2), 17)
                + "</associationId><cidrBlockState><state>associated</state></cidrBlockState></item>"
                + "</cidrBlockAssociationSet><dhcpOptionsId>dopt-" + hex(hash(a, Kind.VPC, region, -1, 3), 17)
                + "</dhcpOptionsId>" + tags(v == 0 ? Map.of("rev", String.valueOf(version))
                        : Map.of("Name", "main-" + org.regions().get(region), "owner", "team-" + version))
                + "<instanceTenancy>default</instanceTenancy><isDefault>" + (v == 0) + "</isDefault></item>";
    }

    /** The flow log of VPC {@code v} (the default VPC has none). */
    private String flowLog(int a, int region, int v) {
        if (v == 0) {
            return "";
        }
        int version = org.version(a, Kind.VPC, region, v);
        String group = "vpc-flow-logs/" + vpcId(a, region, v);
        return "<item><creationTime>" + instant(hash(a, Kind.VPC, region, v, 4)) + "</creationTime>"
                + "<deliverLogsPermissionArn>arn:aws:iam::" + org.accountId(a) + ":role/flow-logs</deliverLogsPermissionArn>"
                + "<deliverLogsStatus>SUCCESS</deliverLogsStatus><flowLogId>fl-" + hex(hash(a, Kind.VPC, region, v, 5), 17)
                + "</flowLogId><flowLogStatus>ACTIVE</flowLogStatus><logGroupName>" + group + "</logGroupName>"
                + "<resourceId>" + vpcId(a, region, v) + "</resourceId><trafficType>"
                + (version % 2 == 0 ? "ALL" : "REJECT") + "</trafficType><logDestinationType>cloud-watch-logs"
                + "</logDestinationType><logDestination>arn:aws:logs:" + org.regions().get(region) + ":" + org.accountId(a)
                + ":log-group:" + group + "</logDestination><logFormat>${version} ${account-id} ${interface-id} ${srcaddr}"
                + "</logFormat><maxAggregationInterval>600</maxAggregationInterval></item>";
    }

    private String peeringSide(int a, int region, int v) {
        return "<ownerId>" + org.accountId(a) + "</ownerId><vpcId>" + vpcId(a, region, v) + "</vpcId><region>"
                + org.regions().get(region) + "</region><cidrBlock>" + cidr(a, region, v) + "</cidrBlock><cidrBlockSet>"
                + "<item><cidrBlock>" + cidr(a, region, v) + "</cidrBlock></item></cidrBlockSet><peeringOptions>"
                + "<allowDnsResolutionFromRemoteVpc>false</allowDnsResolutionFromRemoteVpc></peeringOptions>";
    }

    private String peering(int a, int region, int p) {
        int version = org.version(a, Kind.VPC_PEERING, region, p);
        int peer = (a + 1) % org.sizes().accounts();
        return "<item><accepterVpcInfo>" + peeringSide(peer, region, 1) + "</accepterVpcInfo><requesterVpcInfo>"
                + peeringSide(a, region, 1) + "</requesterVpcInfo><status><code>active</code><message>Active</message>"
                + "</status>" + tags(Map.of("Name", "to-" + org.accountId(peer), "rev", String.valueOf(version)))
                + "<vpcPeeringConnectionId>pcx-" + hex(hash(a, Kind.VPC_PEERING, region, p, 0), 17)
                + "</vpcPeeringConnectionId></item>";
    }

    private String routeTable(int a, int region, int t) {
        int version = org.version(a, Kind.ROUTE_TABLE, region, t);
        int v = t < 2 ? 0 : 1;
        boolean main = t % 2 == 0;
        String id = "rtb-" + hex(hash(a, Kind.ROUTE_TABLE, region, t, 0), 17);
        StringBuilder s = new StringBuilder("<item><routeTableId>").append(id).append("</routeTableId><vpcId>")
                .append(vpcId(a, region, v)).append("</vpcId><ownerId>").append(org.accountId(a)).append("</ownerId>")
                .append("<routeSet><item><destinationCidrBlock>").append(cidr(a, region, v))
                .append("</destinationCidrBlock><gatewayId>local</gatewayId><state>active</state>")
                .append("<origin>CreateRouteTable</origin></item>");
        if (!main) {
            s.append("<item><destinationCidrBlock>0.0.0.0/0</destinationCidrBlock><gatewayId>igw-")
                    .append(hex(hash(a, Kind.ROUTE_TABLE, region, v, 2), 17))
                    .append("</gatewayId><state>active</state><origin>CreateRoute</origin></item>");
        }
        if (version > 0) {
            s.append("<item><destinationCidrBlock>172.").append(16 + version % 16).append(".0.0/16</destinationCidrBlock>")
                    .append("<vpcPeeringConnectionId>pcx-").append(hex(hash(a, Kind.VPC_PEERING, region, 0, 0), 17))
                    .append("</vpcPeeringConnectionId><state>active</state><origin>CreateRoute</origin></item>");
        }
        s.append("</routeSet><associationSet><item><routeTableAssociationId>rtbassoc-")
                .append(hex(hash(a, Kind.ROUTE_TABLE, region, t, 3), 17)).append("</routeTableAssociationId><routeTableId>")
                .append(id).append("</routeTableId>");
        s.append(main ? "<main>true</main>" : "<subnetId>" + subnetId(a, region, t) + "</subnetId><main>false</main>")
                .append("<associationState><state>associated</state></associationState></item></associationSet>")
                .append("<propagatingVgwSet/>").append(tags(Map.of("Name", (main ? "main-" : "public-") + t)));
        return s.append("</item>").toString();
    }

    private String networkAcl(int a, int region, int n) {
        int version = org.version(a, Kind.NETWORK_ACL, region, n);
        String id = "acl-" + hex(hash(a, Kind.NETWORK_ACL, region, n, 0), 17);
        StringBuilder s = new StringBuilder("<item><networkAclId>").append(id).append("</networkAclId><vpcId>")
                .append(vpcId(a, region, n % 2)).append("</vpcId><default>true</default><entrySet>");
        IntConsumer deny = egress -> s.append("<item><ruleNumber>32767</ruleNumber><protocol>-1</protocol>")
                .append("<ruleAction>deny</ruleAction><egress>").append(egress == 1).append("</egress>")
                .append("<cidrBlock>0.0.0.0/0</cidrBlock></item>");
        for (int egress = 0; egress < 2; egress++) {
            s.append("<item><ruleNumber>100</ruleNumber><protocol>-1</protocol><ruleAction>allow</ruleAction><egress>")
                    .append(egress == 1).append("</egress><cidrBlock>0.0.0.0/0</cidrBlock></item>");
            deny.accept(egress);
        }
        if (version > 0) {
            s.append("<item><ruleNumber>").append(90 - version % 50).append("</ruleNumber><protocol>6</protocol>")
                    .append("<ruleAction>deny</ruleAction><egress>false</egress><cidrBlock>198.51.100.0/24</cidrBlock>")
                    .append("<portRange><from>22</from><to>22</to></portRange></item>");
        }
        s.append("</entrySet><associationSet>");
        for (int sub = 0; sub < 2; sub++) {
            s.append("<item><networkAclAssociationId>aclassoc-").append(hex(hash(a, Kind.NETWORK_ACL, region, n, 10 + sub), 17))
                    .append("</networkAclAssociationId><networkAclId>").append(id).append("</networkAclId><subnetId>")
                    .append(subnetId(a, region, n * 2 + sub)).append("</subnetId></item>");
        }
        return s.append("</associationSet>").append(tags(Map.of())).append("<ownerId>").append(org.accountId(a))
                .append("</ownerId></item>").toString();
    }

    private String volume(int a, int region, int v) {
        int version = org.version(a, Kind.VOLUME, region, v);
        long h = hash(a, Kind.VOLUME, region, v, 0);
        String id = "vol-" + hex(h, 17);
        String zone = org.regions().get(region) + (char) ('a' + v % 3);
        boolean attached = v < org.sizes().instances();
        boolean encrypted = v % 4 != 3;
        StringBuilder s = new StringBuilder("<item><volumeId>").append(id).append("</volumeId><size>")
                .append(v % 5 == 0 ? 100 : 8).append("</size><snapshotId>")
                .append(v % 2 == 0 ? "snap-" + hex(h >>> 4, 17) : "").append("</snapshotId><availabilityZone>")
                .append(zone).append("</availabilityZone><status>").append(attached ? "in-use" : "available")
                .append("</status><createTime>").append(instant(h >>> 8)).append("</createTime><attachmentSet>");
        if (attached) {
            s.append("<item><volumeId>").append(id).append("</volumeId><instanceId>")
                    .append(Ec2Responses.instanceId(a, region, v)).append("</instanceId><device>/dev/xvda</device>")
                    .append("<status>attached</status><attachTime>").append(instant(h >>> 9))
                    .append("</attachTime><deleteOnTermination>true</deleteOnTermination></item>");
        }
        s.append("</attachmentSet>").append(tags(version == 0 ? Map.of() : Map.of("backup", "r" + version)))
                .append("<volumeType>gp3</volumeType><iops>3000</iops><throughput>125</throughput><encrypted>")
                .append(encrypted).append("</encrypted>");
        if (encrypted) {
            s.append("<kmsKeyId>arn:aws:kms:").append(org.regions().get(region)).append(':').append(org.accountId(a))
                    .append(":key/").append(hex(h >>> 12, 8)).append("-aaaa-4bbb-8ccc-").append(hex(h >>> 16, 12))
                    .append("</kmsKeyId>");
        }
        return s.append("<multiAttachEnabled>false</multiAttachEnabled></item>").toString();
    }
}
