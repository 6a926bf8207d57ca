package io.watchkeeper.core.config.aws;

import java.util.List;
import java.util.Map;

/**
 * An EC2 security group ({@code aws.ec2.security-group}). Rules are flattened to one entry per
 * (protocol, ports, source) and sorted, so each can be named as evidence.
 *
 * @param groupId sg-…
 * @param groupName the group's name
 * @param description the group's description
 * @param vpcId its VPC
 * @param ownerId owning account
 * @param ingress inbound rules
 * @param egress outbound rules
 * @param tags tags
 */
public record SecurityGroupConfig(
        String groupId, String groupName, String description, String vpcId, String ownerId,
        List<Rule> ingress, List<Rule> egress, Map<String, String> tags) {

    /**
     * One permission for one source or destination.
     *
     * @param protocol tcp, udp, icmp, icmpv6, a protocol number, or -1 for all
     * @param fromPort first port (null for all)
     * @param toPort last port (null for all)
     * @param sourceType cidr4, cidr6, security-group or prefix-list
     * @param source the CIDR, {@code account/sg-id}, or prefix list id
     * @param description the rule's description
     */
    public record Rule(String protocol, Integer fromPort, Integer toPort, String sourceType, String source,
                       String description) {

        /** Whether the rule covers {@code port} (all protocols and port ranges included). */
        public boolean covers(int port) {
            if ("-1".equals(protocol)) {
                return true;
            }
            if (fromPort == null || toPort == null || fromPort == -1) {
                return true;
            }
            return fromPort <= port && port <= toPort;
        }
    }
}
