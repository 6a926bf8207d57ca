package io.watchkeeper.auditors.policy.network;

import java.util.Locale;

/**
 * One traffic rule, in a form both security groups and network ACLs fit: an address set, a
 * protocol and a port range, allowed or denied, at a position (NACL rule number; 0 for security
 * groups, whose rules are an unordered union of allows).
 *
 * @param order position: lower numbers are evaluated first (NACLs)
 * @param allow whether matching traffic is allowed (security-group rules always allow)
 * @param protocol {@code -1} (all), {@code tcp}/{@code 6}, {@code udp}/{@code 17}, {@code icmp}/{@code 1}, a number…
 * @param fromPort first port, or null for every port
 * @param toPort last port, or null for every port
 * @param source the CIDR (IPv4 or IPv6) as written; anything else (a group or prefix list) matches no address here
 * @param ref what evidence calls the rule (its key)
 */
public record NetworkRule(int order, boolean allow, String protocol, Integer fromPort, Integer toPort, String source,
                          String ref) {

    /** The protocol's canonical name: all, tcp, udp, icmp, icmpv6, or the number as written. */
    public String protocolName() {
        String p = protocol == null ? "" : protocol.trim().toLowerCase(Locale.ROOT);
        return switch (p) {
            case "-1", "all" -> "all";
            case "tcp", "6" -> "tcp";
            case "udp", "17" -> "udp";
            case "icmp", "1" -> "icmp";
            case "icmpv6", "58" -> "icmpv6";
            default -> p;
        };
    }

    /** Whether the rule matches traffic of {@code protocol} (tcp or udp) to {@code port}. */
    public boolean matches(String protocol, int port) {
        String mine = protocolName();
        if (mine.equals("all")) {
            return true;
        }
        if (!mine.equals(protocol)) {
            return false;
        }
        return everyPort() || fromPort <= port && port <= toPort;
    }

    /** Whether the rule matches every port of its protocol (no range, -1, or 0-65535). */
    public boolean everyPort() {
        return protocolName().equals("all") || fromPort == null || toPort == null || fromPort == -1
                || fromPort <= 0 && toPort >= 65535;
    }

    /** The addresses the rule's source names (empty for groups, prefix lists and garbage). */
    public IpSet addresses() {
        return IpSet.cidr(source).orElse(IpSet.EMPTY);
    }
}
