package io.watchkeeper.benchmarks;

import static io.watchkeeper.benchmarks.SyntheticOrg.hash;
import static io.watchkeeper.benchmarks.SyntheticOrg.hex;
import static io.watchkeeper.benchmarks.SyntheticOrg.instant;
import static io.watchkeeper.benchmarks.SyntheticOrg.pick;

import io.watchkeeper.benchmarks.SyntheticOrg.Kind;
import java.util.List;
import java.util.Map;

/**
 * EC2 answers in the EC2 query protocol's XML (no Result wrapper, lowercase element names,
 * {@code item} lists, {@code nextToken} paging), as in the EC2 API reference: DescribeRegions,
 * DescribeSecurityGroups and DescribeInstances.
 */
final class Ec2Responses {

    static final String NS = "http://ec2.amazonaws.com/doc/2016-11-15/";

    private static final List<String> PURPOSES = List.of("web", "api", "db", "cache", "bastion", "batch", "lb", "worker");
    private static final List<String> TYPES = List.of("t3.micro", "t3.medium", "m6i.large", "c6i.xlarge", "r6g.large",
            "m7g.medium");

    private final SyntheticOrg org;
    private final IamResponses iam;

    Ec2Responses(SyntheticOrg org, IamResponses iam) {
        this.org = org;
        this.iam = iam;
    }

    String describeRegions(String requestId) {
        Xml x = new Xml(256 + org.regions().size() * 160);
        x.open("DescribeRegionsResponse", "xmlns=\"" + NS + "\"").el("requestId", requestId).open("regionInfo");
        for (String region : org.regions()) {
            x.open("item").el("regionName", region).el("regionEndpoint", "ec2." + region + ".amazonaws.com")
                    .el("optInStatus", "opt-in-not-required").close("item");
        }
        return x.close("regionInfo").close("DescribeRegionsResponse").toString();
    }

    String vpcId(int a, int region) {
        return "vpc-" + hex(hash(a, Kind.SECURITY_GROUP, region, -1, 7), 17);
    }

    /** The id of instance {@code i} (the volumes of {@link NetworkResponses} attach to it). */
    static String instanceId(int a, int region, int i) {
        return "i-" + hex(hash(a, Kind.INSTANCE, region, i, 1), 17);
    }

    String groupId(int a, int region, int s) {
        return "sg-" + hex(hash(a, Kind.SECURITY_GROUP, region, s, 0), 17);
    }

    String groupName(int s) {
        return s == 0 ? "default" : "sg-" + String.format("%03d", s) + "-" + PURPOSES.get(s % PURPOSES.size());
    }

    // ---- DescribeSecurityGroups ---------------------------------------------------------------

    String describeSecurityGroups(int a, int region, Map<String, String> params, String requestId) {
        int count = org.sizes().securityGroups();
        int from = params.containsKey("NextToken") ? Integer.parseInt(params.get("NextToken")) : 0;
        int max = params.containsKey("MaxResults") ? Math.max(5, Math.min(1000, Integer.parseInt(params.get("MaxResults"))))
                : 1000;
        int to = Math.min(count, from + max);
        Xml x = new Xml(1024 + (to - from) * 1800);
        x.open("DescribeSecurityGroupsResponse", "xmlns=\"" + NS + "\"").el("requestId", requestId);
        x.open("securityGroupInfo");
        for (int s = from; s < to; s++) {
            securityGroup(x, a, region, s);
        }
        x.close("securityGroupInfo");
        if (to < count) {
            x.el("nextToken", to);
        }
        return x.close("DescribeSecurityGroupsResponse").toString();
    }

    private void securityGroup(Xml x, int a, int region, int s) {
        long h = hash(a, Kind.SECURITY_GROUP, region, s, 1);
        int v = org.version(a, Kind.SECURITY_GROUP, region, s);
        String account = org.accountId(a);
        String id = groupId(a, region, s);
        String regionName = org.regions().get(region);
        x.open("item");
        x.el("ownerId", account).el("groupId", id).el("groupName", groupName(s))
                .el("groupDescription", s == 0 ? "default VPC security group" : "Managed by Terraform: " + groupName(s))
                .el("vpcId", vpcId(a, region));
        x.open("ipPermissions");
        if (s == 0) {
            permission(x, "-1", null, null, () -> x.open("groups").open("item").el("userId", account).el("groupId", id)
                    .close("item").close("groups"));
        } else {
            switch (s % 4) {
                case 0 -> permission(x, "tcp", 443, 443, () -> {
                    x.open("ipRanges").open("item").el("cidrIp", "0.0.0.0/0").el("description", "HTTPS from anywhere")
                            .close("item").close("ipRanges");
                    x.open("ipv6Ranges").open("item").el("cidrIpv6", "::/0").close("item").close("ipv6Ranges");
                });
                case 1 -> permission(x, "tcp", 22, 22, () -> x.open("ipRanges").open("item").el("cidrIp", "10.0.0.0/8")
                        .el("description", "SSH from the corporate network").close("item").close("ipRanges"));
                case 2 -> permission(x, "tcp", 5432, 5432, () -> x.open("groups").open("item").el("userId", account)
                        .el("groupId", groupId(a, region, s - 1)).el("description", "from " + groupName(s - 1))
                        .close("item").close("groups"));
                default -> permission(x, "tcp", 443, 443, () -> x.open("prefixListIds").open("item")
                        .el("prefixListId", "pl-" + hex(h, 8)).el("description", "CloudFront origin-facing")
                        .close("item").close("prefixListIds"));
            }
            if (Math.floorMod(h, 3L) == 0) {
                permission(x, "udp", 53, 53, () -> x.open("ipRanges").open("item").el("cidrIp", "10.20.0.0/16")
                        .close("item").close("ipRanges"));
            }
        }
        if (v > 0) {
            int port = 8000 + v;
            permission(x, "tcp", port, port, () -> x.open("ipRanges").open("item")
                    .el("cidrIp", "10." + (v % 250) + ".0.0/16").el("description", "change " + v)
                    .close("item").close("ipRanges"));
        }
        x.close("ipPermissions");
        x.open("ipPermissionsEgress");
        permission(x, "-1", null, null, () -> {
            x.open("ipRanges").open("item").el("cidrIp", "0.0.0.0/0").close("item").close("ipRanges");
            if (s % 2 == 0) {
                x.open("ipv6Ranges").open("item").el("cidrIpv6", "::/0").close("item").close("ipv6Ranges");
            }
        });
        x.close("ipPermissionsEgress");
        if (s != 0) {
            x.open("tagSet");
            x.open("item").el("key", "Name").el("value", groupName(s)).close("item");
            x.open("item").el("key", "env").el("value", pick(List.of("prod", "staging", "dev"), h >>> 5)).close("item");
            x.close("tagSet");
        }
        x.el("securityGroupArn", "arn:aws:ec2:" + regionName + ":" + account + ":security-group/" + id);
        x.close("item");
    }

    private static void permission(Xml x, String protocol, Integer from, Integer to, Runnable sources) {
        x.open("item").el("ipProtocol", protocol).el("fromPort", from).el("toPort", to);
        sources.run();
        x.close("item");
    }

    // ---- DescribeInstances --------------------------------------------------------------------

    /** Instances per reservation; one more, terminated, instance per region exercises the filter. */
    private static final int PER_RESERVATION = 3;

    /** The user data of an instance: none (the synthetic instances have no user data). */
    String describeInstanceAttribute(Map<String, String> params, String requestId) {
        return new Xml(256).open("DescribeInstanceAttributeResponse", "xmlns=\"" + NS + "\"").el("requestId", requestId)
                .el("instanceId", params.getOrDefault("InstanceId", "")).close("DescribeInstanceAttributeResponse").toString();
    }

    String describeInstances(int a, int region, Map<String, String> params, String requestId) {
        int live = org.sizes().instances();
        int total = live + 1;
        int reservations = (live + PER_RESERVATION - 1) / PER_RESERVATION + 1;
        int from = params.containsKey("NextToken") ? Integer.parseInt(params.get("NextToken")) : 0;
        int max = params.containsKey("MaxResults") ? Math.max(5, Math.min(1000, Integer.parseInt(params.get("MaxResults"))))
                : 1000;
        Xml x = new Xml(1024 + Math.min(total, max) * 3200);
        x.open("DescribeInstancesResponse", "xmlns=\"" + NS + "\"").el("requestId", requestId).open("reservationSet");
        int shown = 0;
        int next = from;
        for (int rsv = from; rsv < reservations && shown < max; rsv++) {
            int first = rsv * PER_RESERVATION;
            int last = rsv == reservations - 1 ? total : Math.min(live, first + PER_RESERVATION);
            if (rsv == reservations - 1) {
                first = live;
            }
            x.open("item").el("reservationId", "r-" + hex(hash(a, Kind.INSTANCE, region, rsv, 9), 17))
                    .el("ownerId", org.accountId(a)).empty("groupSet").open("instancesSet");
            for (int i = first; i < last; i++) {
                instance(x, a, region, i, i >= live);
                shown++;
            }
            x.close("instancesSet").close("item");
            next = rsv + 1;
        }
        x.close("reservationSet");
        if (next < reservations) {
            x.el("nextToken", next);
        }
        return x.close("DescribeInstancesResponse").toString();
    }

    private void instance(Xml x, int a, int region, int i, boolean terminated) {
        long h = hash(a, Kind.INSTANCE, region, i, 1);
        int v = terminated ? 0 : org.version(a, Kind.INSTANCE, region, i);
        String regionName = org.regions().get(region);
        String account = org.accountId(a);
        int b = (int) Math.floorMod(h >>> 8, 250L);
        int c = (int) Math.floorMod(h >>> 16, 250L) + 2;
        String privateIp = "10." + (region * 16 + Math.floorMod(a, 16)) + "." + b + "." + c;
        String internalDomain = "us-east-1".equals(regionName) ? "ec2.internal" : regionName + ".compute.internal";
        String privateDns = "ip-" + privateIp.replace('.', '-') + "." + internalDomain;
        boolean stopped = !terminated && i % 5 == 4;
        boolean isPublic = !terminated && !stopped && i % 3 == 0;
        String publicIp = "54." + Math.floorMod(h >>> 24, 250L) + "." + b + "." + c;
        String subnet = "subnet-" + hex(hash(a, Kind.INSTANCE, region, i % 3, 11), 17);
        int sg1 = org.sizes().securityGroups() > 1 ? 1 + i % (org.sizes().securityGroups() - 1) : -1;
        int sg2 = org.sizes().securityGroups() > 0 && i % 2 == 0 ? 0 : -1;
        String name = PURPOSES.get(i % PURPOSES.size()) + "-" + String.format("%02d", i);
        String id = instanceId(a, region, i);

        x.open("item");
        x.el("instanceId", id).el("imageId", "ami-" + hex(h >>> 3, 17));
        x.open("instanceState").el("code", terminated ? 48 : stopped ? 80 : 16)
                .el("name", terminated ? "terminated" : stopped ? "stopped" : "running").close("instanceState");
        x.el("privateDnsName", terminated ? "" : privateDns).el("dnsName", isPublic ? "ec2-" + publicIp.replace('.', '-')
                + "." + regionName + ".compute.amazonaws.com" : "");
        x.el("reason", stopped ? "User initiated (2024-02-01 10:00:00 GMT)" : terminated ? "User initiated" : "");
        x.el("keyName", "ops-" + regionName).el("amiLaunchIndex", 0).empty("productCodes")
                .el("instanceType", pick(TYPES, h >>> 5)).el("launchTime", instant(h >>> 7));
        x.open("placement").el("availabilityZone", regionName + (char) ('a' + i % 3)).el("groupName", "")
                .el("tenancy", "default").close("placement");
        x.open("monitoring").el("state", "disabled").close("monitoring");
        if (!terminated) {
            x.el("subnetId", subnet).el("vpcId", vpcId(a, region)).el("privateIpAddress", privateIp);
            if (isPublic) {
                x.el("ipAddress", publicIp);
            }
        }
        x.el("sourceDestCheck", true);
        x.open("groupSet");
        if (!terminated) {
            group(x, sg1, a, region);
            group(x, sg2, a, region);
        }
        x.close("groupSet");
        x.el("architecture", pick(TYPES, h >>> 5).contains("g.") ? "arm64" : "x86_64")
                .el("rootDeviceType", "ebs").el("rootDeviceName", "/dev/xvda");
        x.open("blockDeviceMapping");
        if (!terminated) {
            x.open("item").el("deviceName", "/dev/xvda").open("ebs").el("volumeId", "vol-" + hex(h >>> 9, 17))
                    .el("status", "attached").el("attachTime", instant(h >>> 7)).el("deleteOnTermination", true)
                    .close("ebs").close("item");
        }
        x.close("blockDeviceMapping");
        x.el("virtualizationType", "hvm").el("clientToken", "terraform-" + hex(h >>> 11, 20));
        x.open("tagSet");
        x.open("item").el("key", "Name").el("value", name).close("item");
        x.open("item").el("key", "env").el("value", pick(List.of("prod", "staging", "dev"), h >>> 13)).close("item");
        x.open("item").el("key", "patch-window").el("value", "sun-02:00" + (v == 0 ? "" : "-r" + v)).close("item");
        x.close("tagSet");
        x.el("hypervisor", "xen");
        x.open("networkInterfaceSet");
        if (!terminated) {
            x.open("item").el("networkInterfaceId", "eni-" + hex(h >>> 15, 17)).el("subnetId", subnet)
                    .el("vpcId", vpcId(a, region)).el("description", "").el("ownerId", account).el("status", "in-use")
                    .el("macAddress", "0a:" + hex(h >>> 17, 2) + ":" + hex(h >>> 19, 2) + ":" + hex(h >>> 21, 2) + ":"
                            + hex(h >>> 23, 2) + ":" + hex(h >>> 25, 2))
                    .el("privateIpAddress", privateIp).el("privateDnsName", privateDns).el("sourceDestCheck", true);
            x.open("groupSet");
            group(x, sg1, a, region);
            group(x, sg2, a, region);
            x.close("groupSet");
            x.open("attachment").el("attachmentId", "eni-attach-" + hex(h >>> 27, 17)).el("deviceIndex", 0)
                    .el("status", "attached").el("attachTime", instant(h >>> 7)).el("deleteOnTermination", true)
                    .el("networkCardIndex", 0).close("attachment");
            if (isPublic) {
                x.open("association").el("publicIp", publicIp).el("publicDnsName", "ec2-" + publicIp.replace('.', '-')
                        + "." + regionName + ".compute.amazonaws.com").el("ipOwnerId", "amazon").close("association");
            }
            x.open("privateIpAddressesSet").open("item").el("privateIpAddress", privateIp).el("privateDnsName", privateDns)
                    .el("primary", true).close("item").close("privateIpAddressesSet");
            x.empty("ipv6AddressesSet").el("interfaceType", "interface");
            x.close("item");
        }
        x.close("networkInterfaceSet");
        if (!terminated && i % 2 == 0 && org.sizes().roles() > 0) {
            int role = 4 * (int) Math.floorMod(h >>> 29, (long) ((org.sizes().roles() + 3) / 4));
            x.open("iamInstanceProfile").el("arn", iam.instanceProfileArn(a, role)).el("id", SyntheticOrg.iamId("AIPA", h))
                    .close("iamInstanceProfile");
        }
        x.el("ebsOptimized", false).el("enaSupport", true);
        x.open("cpuOptions").el("coreCount", 1).el("threadsPerCore", 2).close("cpuOptions");
        x.open("capacityReservationSpecification").el("capacityReservationPreference", "open")
                .close("capacityReservationSpecification");
        x.open("hibernationOptions").el("configured", false).close("hibernationOptions");
        x.open("metadataOptions").el("state", "applied").el("httpTokens", i % 4 == 1 ? "optional" : "required")
                .el("httpPutResponseHopLimit", i % 4 == 1 ? 1 : 2).el("httpEndpoint", "enabled")
                .el("httpProtocolIpv6", "disabled").el("instanceMetadataTags", "disabled").close("metadataOptions");
        x.open("enclaveOptions").el("enabled", false).close("enclaveOptions");
        x.el("bootMode", "uefi-preferred").el("platformDetails", "Linux/UNIX").el("usageOperation", "RunInstances")
                .el("usageOperationUpdateTime", instant(h >>> 7));
        x.open("privateDnsNameOptions").el("hostnameType", "ip-name").el("enableResourceNameDnsARecord", false)
                .el("enableResourceNameDnsAAAARecord", false).close("privateDnsNameOptions");
        x.open("maintenanceOptions").el("autoRecovery", "default").close("maintenanceOptions");
        x.el("currentInstanceBootMode", "legacy-bios");
        x.close("item");
    }

    private void group(Xml x, int s, int a, int region) {
        if (s >= 0) {
            x.open("item").el("groupId", groupId(a, region, s)).el("groupName", groupName(s)).close("item");
        }
    }
}
