package io.watchkeeper.benchmarks;

import static io.watchkeeper.benchmarks.SyntheticOrg.hash;
import static io.watchkeeper.benchmarks.SyntheticOrg.hex;
import static io.watchkeeper.benchmarks.SyntheticOrg.instant;

import io.watchkeeper.benchmarks.SyntheticOrg.Kind;
import java.util.Map;

/**
 * Query-protocol XML answers added with issue 14, as in the API references: Elastic Load Balancing
 * v2 (2015-12-01: DescribeLoadBalancers, DescribeTags, DescribeListeners,
 * DescribeLoadBalancerAttributes), Classic Load Balancing (2012-06-01: DescribeLoadBalancers,
 * DescribeTags, DescribeLoadBalancerAttributes, DescribeLoadBalancerPolicies) and RDS (2014-10-31:
 * DB snapshots and their attributes, cluster snapshots and their attributes, clusters).
 */
final class LoadBalancerResponses {

    private static final String V2 = "http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/";
    private static final String V1 = "http://elasticloadbalancing.amazonaws.com/doc/2012-06-01/";
    private static final String RDS = "http://rds.amazonaws.com/doc/2014-10-31/";

    private final SyntheticOrg org;

    LoadBalancerResponses(SyntheticOrg org) {
        this.org = org;
    }

    private static String wrap(String ns, String action, String result, String requestId) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<" + action + "Response xmlns=\"" + ns + "\"><" + action
                + "Result>" + result + "</" + action + "Result><ResponseMetadata><RequestId>" + requestId
                + "</RequestId></ResponseMetadata></" + action + "Response>";
    }

    private String prefix(int a, int region) {
        return org.regions().get(region) + ":" + org.accountId(a);
    }

    // ---- ELBv2 ---------------------------------------------------------------------------------

    private String lbName(int l) {
        return (l % 2 == 0 ? "web-" : "api-") + l;
    }

    private String lbArn(int a, int region, int l) {
        return "arn:aws:elasticloadbalancing:" + prefix(a, region) + ":loadbalancer/app/" + lbName(l) + "/"
                + hex(hash(a, Kind.LOAD_BALANCER, region, l, 0), 16);
    }

    /** The index of the load balancer an ARN names, or -1. */
    private int lbIndex(int a, int region, String arn) {
        for (int l = 0; l < org.sizes().count(Kind.LOAD_BALANCER); l++) {
            if (lbArn(a, region, l).equals(arn)) {
                return l;
            }
        }
        return -1;
    }

    StubReply elbv2(int a, int region, String action, Map<String, String> params, String requestId) {
        int count = org.sizes().count(Kind.LOAD_BALANCER);
        String result;
        switch (action) {
            case "DescribeLoadBalancers" -> {
                StringBuilder s = new StringBuilder("<LoadBalancers>");
                for (int l = 0; l < count; l++) {
                    String zone = org.regions().get(region);
                    s.append("<member><LoadBalancerArn>").append(lbArn(a, region, l)).append("</LoadBalancerArn><Scheme>")
                            .append(l % 2 == 0 ? "internet-facing" : "internal").append("</Scheme><LoadBalancerName>")
                            .append(lbName(l)).append("</LoadBalancerName><VpcId>").append(NetworkResponses.vpcId(a, region, 1))
                            .append("</VpcId><CreatedTime>").append(instant(hash(a, Kind.LOAD_BALANCER, region, l, 1)))
                            .append("</CreatedTime><AvailabilityZones><member><ZoneName>").append(zone).append("a</ZoneName>")
                            .append("<SubnetId>subnet-").append(hex(hash(a, Kind.LOAD_BALANCER, region, l, 2), 17))
                            .append("</SubnetId></member><member><ZoneName>").append(zone).append("b</ZoneName><SubnetId>subnet-")
                            .append(hex(hash(a, Kind.LOAD_BALANCER, region, l, 3), 17)).append("</SubnetId></member>")
                            .append("</AvailabilityZones><SecurityGroups><member>sg-")
                            .append(hex(hash(a, Kind.LOAD_BALANCER, region, l, 4), 17)).append("</member></SecurityGroups>")
                            .append("<DNSName>").append(lbName(l)).append('-').append(hex(hash(a, Kind.LOAD_BALANCER, region, l, 5), 10))
                            .append('.').append(zone).append(".elb.amazonaws.com</DNSName><State><Code>active</Code></State>")
                            .append("<Type>application</Type><IpAddressType>ipv4</IpAddressType></member>");
                }
                result = s.append("</LoadBalancers>").toString();
            }
            case "DescribeTags" -> {
                StringBuilder s = new StringBuilder("<TagDescriptions>");
                for (int i = 1; params.containsKey("ResourceArns.member." + i); i++) {
                    String arn = params.get("ResourceArns.member." + i);
                    int l = lbIndex(a, region, arn);
                    s.append("<member><ResourceArn>").append(arn).append("</ResourceArn><Tags><member><Key>team</Key><Value>")
                            .append(l < 0 ? "" : "team-" + org.version(a, Kind.LOAD_BALANCER, region, l))
                            .append("</Value></member></Tags></member>");
                }
                result = s.append("</TagDescriptions>").toString();
            }
            case "DescribeListeners" -> {
                String arn = params.getOrDefault("LoadBalancerArn", "");
                int l = lbIndex(a, region, arn);
                if (l < 0) {
                    return StubReply.queryError(400, "LoadBalancerNotFound", "One or more load balancers not found");
                }
                String listener = arn.replace(":loadbalancer/", ":listener/");
                result = "<Listeners><member><LoadBalancerArn>" + arn + "</LoadBalancerArn><Protocol>HTTP</Protocol>"
                        + "<Port>80</Port><ListenerArn>" + listener + "/" + hex(hash(a, Kind.LOAD_BALANCER, region, l, 6), 16)
                        + "</ListenerArn><DefaultActions><member><Type>redirect</Type><Order>1</Order><RedirectConfig>"
                        + "<Protocol>HTTPS</Protocol><Port>443</Port><StatusCode>HTTP_301</StatusCode></RedirectConfig>"
                        + "</member></DefaultActions></member><member><LoadBalancerArn>" + arn + "</LoadBalancerArn>"
                        + "<Protocol>HTTPS</Protocol><Port>443</Port><ListenerArn>" + listener + "/"
                        + hex(hash(a, Kind.LOAD_BALANCER, region, l, 7), 16) + "</ListenerArn><SslPolicy>"
                        + (l % 2 == 0 ? "ELBSecurityPolicy-TLS13-1-2-2021-06" : "ELBSecurityPolicy-2016-08")
                        + "</SslPolicy><Certificates><member><CertificateArn>arn:aws:acm:" + prefix(a, region)
                        + ":certificate/" + hex(hash(a, Kind.LOAD_BALANCER, region, l, 8), 32) + "</CertificateArn>"
                        + "</member></Certificates><DefaultActions><member><Type>forward</Type><TargetGroupArn>"
                        + "arn:aws:elasticloadbalancing:" + prefix(a, region) + ":targetgroup/" + lbName(l) + "/"
                        + hex(hash(a, Kind.LOAD_BALANCER, region, l, 9), 16) + "</TargetGroupArn></member></DefaultActions>"
                        + "</member></Listeners>";
            }
            case "DescribeLoadBalancerAttributes" -> {
                int l = lbIndex(a, region, params.getOrDefault("LoadBalancerArn", ""));
                StringBuilder s = new StringBuilder("<Attributes>");
                Map.of("access_logs.s3.enabled", String.valueOf(l % 2 == 0), "access_logs.s3.bucket",
                                l % 2 == 0 ? "lb-logs-" + org.accountId(a) : "", "access_logs.s3.prefix", "",
                                "deletion_protection.enabled", String.valueOf(l == 0),
                                "idle_timeout.timeout_seconds", "60", "routing.http.drop_invalid_header_fields.enabled",
                                "false", "routing.http.desync_mitigation_mode", "defensive",
                                "routing.http2.enabled", "true")
                        .forEach((k, v) -> s.append("<member><Key>").append(k).append("</Key><Value>").append(v)
                                .append("</Value></member>"));
                result = s.append("</Attributes>").toString();
            }
            default -> {
                return null;
            }
        }
        return StubReply.xml(wrap(V2, action, result, requestId));
    }

    // ---- Classic ELB ---------------------------------------------------------------------------

    StubReply elb(int a, int region, String action, Map<String, String> params, String requestId) {
        int count = org.sizes().count(Kind.CLASSIC_LB);
        String result;
        switch (action) {
            case "DescribeLoadBalancers" -> {
                StringBuilder s = new StringBuilder("<LoadBalancerDescriptions>");
                for (int l = 0; l < count; l++) {
                    String zone = org.regions().get(region);
                    s.append("<member><LoadBalancerName>legacy-").append(l).append("</LoadBalancerName><DNSName>legacy-")
                            .append(l).append('-').append(hex(hash(a, Kind.CLASSIC_LB, region, l, 0), 10)).append('.')
                            .append(zone).append(".elb.amazonaws.com</DNSName><Scheme>internet-facing</Scheme><VPCId>")
                            .append(NetworkResponses.vpcId(a, region, 1)).append("</VPCId><SecurityGroups><member>sg-")
                            .append(hex(hash(a, Kind.CLASSIC_LB, region, l, 1), 17)).append("</member></SecurityGroups>")
                            .append("<Subnets><member>subnet-").append(hex(hash(a, Kind.CLASSIC_LB, region, l, 2), 17))
                            .append("</member></Subnets><AvailabilityZones><member>").append(zone).append("a</member>")
                            .append("</AvailabilityZones><ListenerDescriptions><member><Listener><Protocol>HTTP</Protocol>")
                            .append("<LoadBalancerPort>80</LoadBalancerPort><InstanceProtocol>HTTP</InstanceProtocol>")
                            .append("<InstancePort>8080</InstancePort></Listener><PolicyNames/></member><member><Listener>")
                            .append("<Protocol>HTTPS</Protocol><LoadBalancerPort>443</LoadBalancerPort><InstanceProtocol>HTTP")
                            .append("</InstanceProtocol><InstancePort>8080</InstancePort><SSLCertificateId>arn:aws:iam::")
                            .append(org.accountId(a)).append(":server-certificate/legacy-www-0</SSLCertificateId></Listener>")
                            .append("<PolicyNames><member>tls-").append(l).append("</member></PolicyNames></member>")
                            .append("</ListenerDescriptions><Instances/><CreatedTime>")
                            .append(instant(hash(a, Kind.CLASSIC_LB, region, l, 3))).append("</CreatedTime></member>");
                }
                result = s.append("</LoadBalancerDescriptions>").toString();
            }
            case "DescribeTags" -> {
                StringBuilder s = new StringBuilder("<TagDescriptions>");
                for (int i = 1; params.containsKey("LoadBalancerNames.member." + i); i++) {
                    String name = params.get("LoadBalancerNames.member." + i);
                    int l = name.startsWith("legacy-") ? Integer.parseInt(name.substring(7)) : 0;
                    s.append("<member><LoadBalancerName>").append(name).append("</LoadBalancerName><Tags><member>")
                            .append("<Key>team</Key><Value>legacy-").append(org.version(a, Kind.CLASSIC_LB, region, l))
                            .append("</Value></member></Tags></member>");
                }
                result = s.append("</TagDescriptions>").toString();
            }
            case "DescribeLoadBalancerAttributes" -> result = "<LoadBalancerAttributes><CrossZoneLoadBalancing><Enabled>true"
                    + "</Enabled></CrossZoneLoadBalancing><AccessLog><Enabled>false</Enabled></AccessLog><ConnectionDraining>"
                    + "<Enabled>true</Enabled><Timeout>300</Timeout></ConnectionDraining><ConnectionSettings><IdleTimeout>60"
                    + "</IdleTimeout></ConnectionSettings><AdditionalAttributes><member><Key>elb.http.desyncmitigationmode"
                    + "</Key><Value>defensive</Value></member></AdditionalAttributes></LoadBalancerAttributes>";
            case "DescribeLoadBalancerPolicies" -> result = "<PolicyDescriptions><member><PolicyName>"
                    + params.getOrDefault("PolicyNames.member.1", "tls-0") + "</PolicyName><PolicyTypeName>"
                    + "SSLNegotiationPolicyType</PolicyTypeName><PolicyAttributeDescriptions><member><AttributeName>"
                    + "Reference-Security-Policy</AttributeName><AttributeValue>ELBSecurityPolicy-2016-08</AttributeValue>"
                    + "</member><member><AttributeName>Protocol-TLSv1.2</AttributeName><AttributeValue>true</AttributeValue>"
                    + "</member><member><AttributeName>Protocol-TLSv1</AttributeName><AttributeValue>true</AttributeValue>"
                    + "</member></PolicyAttributeDescriptions></member></PolicyDescriptions>";
            default -> {
                return null;
            }
        }
        return StubReply.xml(wrap(V1, action, result, requestId));
    }

    // ---- RDS -----------------------------------------------------------------------------------

    private static String tagList(Map<String, String> tags) {
        StringBuilder s = new StringBuilder("<TagList>");
        tags.forEach((k, v) -> s.append("<Tag><Key>").append(k).append("</Key><Value>").append(v).append("</Value></Tag>"));
        return s.append("</TagList>").toString();
    }

    StubReply rds(int a, int region, String action, Map<String, String> params, String requestId) {
        String result;
        String arn = "arn:aws:rds:" + prefix(a, region);
        switch (action) {
            case "DescribeDBSnapshots" -> {
                StringBuilder s = new StringBuilder("<DBSnapshots>");
                for (int i = 0; i < org.sizes().count(Kind.RDS_SNAPSHOT); i++) {
                    boolean manual = i % 3 != 0;
                    String id = (manual ? "manual-" : "rds:orders-") + i;
                    s.append("<DBSnapshot><DBSnapshotIdentifier>").append(id).append("</DBSnapshotIdentifier>")
                            .append("<DBInstanceIdentifier>orders</DBInstanceIdentifier><SnapshotCreateTime>")
                            .append(instant(hash(a, Kind.RDS_SNAPSHOT, region, i, 0))).append("</SnapshotCreateTime>")
                            .append("<Engine>postgres</Engine><AllocatedStorage>100</AllocatedStorage><Status>available</Status>")
                            .append("<SnapshotType>").append(manual ? "manual" : "automated").append("</SnapshotType>")
                            .append("<EngineVersion>16.3</EngineVersion><Encrypted>").append(i != 2).append("</Encrypted>")
                            .append("<DBSnapshotArn>").append(arn).append(":snapshot:").append(id).append("</DBSnapshotArn>")
                            .append("<IAMDatabaseAuthenticationEnabled>false</IAMDatabaseAuthenticationEnabled>")
                            .append(tagList(Map.of("rev", String.valueOf(org.version(a, Kind.RDS_SNAPSHOT, region, i)))))
                            .append("</DBSnapshot>");
                }
                result = s.append("</DBSnapshots>").toString();
            }
            case "DescribeDBSnapshotAttributes" -> result = "<DBSnapshotAttributesResult><DBSnapshotIdentifier>"
                    + params.get("DBSnapshotIdentifier") + "</DBSnapshotIdentifier><DBSnapshotAttributes><DBSnapshotAttribute>"
                    + "<AttributeName>restore</AttributeName><AttributeValues>"
                    + (params.getOrDefault("DBSnapshotIdentifier", "").endsWith("-2") && a % 7 == 0
                            ? "<AttributeValue>all</AttributeValue>" : "")
                    + "</AttributeValues></DBSnapshotAttribute></DBSnapshotAttributes></DBSnapshotAttributesResult>";
            case "DescribeDBClusterSnapshots" -> {
                StringBuilder s = new StringBuilder("<DBClusterSnapshots>");
                for (int i = 0; i < org.sizes().count(Kind.RDS_CLUSTER_SNAPSHOT); i++) {
                    String id = "ledger-manual-" + i;
                    s.append("<DBClusterSnapshot><DBClusterSnapshotIdentifier>").append(id)
                            .append("</DBClusterSnapshotIdentifier><DBClusterIdentifier>ledger</DBClusterIdentifier>")
                            .append("<SnapshotCreateTime>").append(instant(hash(a, Kind.RDS_CLUSTER_SNAPSHOT, region, i, 0)))
                            .append("</SnapshotCreateTime><Engine>aurora-postgresql</Engine><AllocatedStorage>1")
                            .append("</AllocatedStorage><Status>available</Status><SnapshotType>manual</SnapshotType>")
                            .append("<EngineVersion>16.4</EngineVersion><StorageEncrypted>true</StorageEncrypted>")
                            .append("<DBClusterSnapshotArn>").append(arn).append(":cluster-snapshot:").append(id)
                            .append("</DBClusterSnapshotArn>")
                            .append(tagList(Map.of("rev", String.valueOf(org.version(a, Kind.RDS_CLUSTER_SNAPSHOT, region, i)))))
                            .append("</DBClusterSnapshot>");
                }
                result = s.append("</DBClusterSnapshots>").toString();
            }
            case "DescribeDBClusterSnapshotAttributes" -> result = "<DBClusterSnapshotAttributesResult>"
                    + "<DBClusterSnapshotIdentifier>" + params.get("DBClusterSnapshotIdentifier")
                    + "</DBClusterSnapshotIdentifier><DBClusterSnapshotAttributes><DBClusterSnapshotAttribute><AttributeName>"
                    + "restore</AttributeName><AttributeValues/></DBClusterSnapshotAttribute></DBClusterSnapshotAttributes>"
                    + "</DBClusterSnapshotAttributesResult>";
            case "DescribeDBClusters" -> {
                StringBuilder s = new StringBuilder("<DBClusters>");
                for (int i = 0; i < org.sizes().count(Kind.RDS_CLUSTER); i++) {
                    int v = org.version(a, Kind.RDS_CLUSTER, region, i);
                    String id = "ledger" + (i == 0 ? "" : "-" + i);
                    s.append("<DBCluster><DBClusterIdentifier>").append(id).append("</DBClusterIdentifier><DBClusterArn>")
                            .append(arn).append(":cluster:").append(id).append("</DBClusterArn><Engine>aurora-postgresql")
                            .append("</Engine><EngineVersion>16.4</EngineVersion><EngineMode>provisioned</EngineMode>")
                            .append("<Status>available</Status><StorageEncrypted>true</StorageEncrypted><KmsKeyId>arn:aws:kms:")
                            .append(prefix(a, region)).append(":key/").append(hex(hash(a, Kind.RDS_CLUSTER, region, i, 1), 32))
                            .append("</KmsKeyId><IAMDatabaseAuthenticationEnabled>").append(a % 2 == 0)
                            .append("</IAMDatabaseAuthenticationEnabled><DeletionProtection>").append(v % 2 == 0)
                            .append("</DeletionProtection><BackupRetentionPeriod>7</BackupRetentionPeriod><MultiAZ>true")
                            .append("</MultiAZ><Endpoint>").append(id).append(".cluster-x.").append(org.regions().get(region))
                            .append(".rds.amazonaws.com</Endpoint><Port>5432</Port><MasterUsername>postgres</MasterUsername>")
                            .append("<VpcSecurityGroups><VpcSecurityGroupMembership><VpcSecurityGroupId>sg-")
                            .append(hex(hash(a, Kind.RDS_CLUSTER, region, i, 2), 17)).append("</VpcSecurityGroupId><Status>active")
                            .append("</Status></VpcSecurityGroupMembership></VpcSecurityGroups><DBSubnetGroup>private")
                            .append("</DBSubnetGroup><DBClusterMembers><DBClusterMember><DBInstanceIdentifier>").append(id)
                            .append("-1</DBInstanceIdentifier><IsClusterWriter>true</IsClusterWriter></DBClusterMember>")
                            .append("</DBClusterMembers><EnabledCloudwatchLogsExports><member>postgresql</member>")
                            .append("</EnabledCloudwatchLogsExports><CopyTagsToSnapshot>true</CopyTagsToSnapshot>")
                            .append("<DBClusterParameterGroup>").append(i == 0 ? "ledger-tls" : "default.aurora-postgresql16")
                            .append("</DBClusterParameterGroup><ClusterCreateTime>").append(instant(hash(a, Kind.RDS_CLUSTER, region, i, 3)))
                            .append("</ClusterCreateTime><LatestRestorableTime>").append(instant(hash(a, Kind.RDS_CLUSTER, region, i, 4)))
                            .append("</LatestRestorableTime>")
                            .append(tagList(Map.of("team", "ledger"))).append("</DBCluster>");
                }
                result = s.append("</DBClusters>").toString();
            }
            // the one customised cluster parameter group of each region forces TLS (default groups are never read)
            case "DescribeDBClusterParameters" -> result = "<Parameters><Parameter><ParameterName>rds.force_ssl"
                    + "</ParameterName><ParameterValue>1</ParameterValue><Source>user</Source></Parameter></Parameters>";
            default -> {
                return null;
            }
        }
        return StubReply.xml(wrap(RDS, action, result, requestId));
    }
}
