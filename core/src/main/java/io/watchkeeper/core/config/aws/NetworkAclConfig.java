package io.watchkeeper.core.config.aws;

import java.util.List;
import java.util.Map;

/**
 * A VPC network ACL ({@code aws.ec2.network-acl}).
 *
 * @param networkAclId acl-…
 * @param vpcId its VPC
 * @param ownerId the owning account
 * @param isDefault whether it is its VPC's default ACL
 * @param subnetIds subnets associated with it, sorted
 * @param entries its rules, inbound then outbound, each in rule-number order (the order AWS evaluates them)
 * @param tags tags
 */
public record NetworkAclConfig(
        String networkAclId,
        String vpcId,
        String ownerId,
        Boolean isDefault,
        List<String> subnetIds,
        List<Entry> entries,
        Map<String, String> tags) {

    /**
     * One rule.
     *
     * @param ruleNumber evaluation order, lowest first (32767 is the implicit deny-all)
     * @param egress false for inbound, true for outbound
     * @param protocol IANA protocol number, or -1 for all
     * @param ruleAction allow or deny
     * @param cidrBlock the IPv4 range, or null
     * @param ipv6CidrBlock the IPv6 range, or null
     * @param fromPort first port (TCP/UDP), or null
     * @param toPort last port (TCP/UDP), or null
     * @param icmpType ICMP type, or null
     * @param icmpCode ICMP code, or null
     */
    public record Entry(Integer ruleNumber, Boolean egress, String protocol, String ruleAction, String cidrBlock,
                        String ipv6CidrBlock, Integer fromPort, Integer toPort, Integer icmpType, Integer icmpCode) {}
}
