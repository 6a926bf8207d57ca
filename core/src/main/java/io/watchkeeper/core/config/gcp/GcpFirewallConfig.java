package io.watchkeeper.core.config.gcp;

import java.time.Instant;
import java.util.List;

/**
 * A VPC firewall rule ({@code gcp.compute.firewall}).
 *
 * @param name the rule's name
 * @param id the numeric id
 * @param network the network's path ({@code projects/p/global/networks/n})
 * @param description the description
 * @param direction INGRESS or EGRESS
 * @param priority 0 (highest) to 65535
 * @param disabled whether the rule is disabled
 * @param sourceRanges source CIDRs (ingress), sorted
 * @param destinationRanges destination CIDRs (egress), sorted
 * @param sourceTags source network tags, sorted
 * @param targetTags target network tags (empty: every instance of the network), sorted
 * @param sourceServiceAccounts source service accounts, sorted
 * @param targetServiceAccounts target service accounts, sorted
 * @param allowed allowed protocol/ports, sorted
 * @param denied denied protocol/ports, sorted
 * @param logging whether firewall rules logging is on
 * @param createTime when the rule was created
 */
public record GcpFirewallConfig(
        String name,
        String id,
        String network,
        String description,
        String direction,
        int priority,
        boolean disabled,
        List<String> sourceRanges,
        List<String> destinationRanges,
        List<String> sourceTags,
        List<String> targetTags,
        List<String> sourceServiceAccounts,
        List<String> targetServiceAccounts,
        List<Rule> allowed,
        List<Rule> denied,
        boolean logging,
        Instant createTime) {

    /**
     * One allowed or denied entry.
     *
     * @param protocol tcp, udp, icmp, esp, ah, sctp, ipip, all, or an IP protocol number
     * @param ports ports and ranges ("22", "8000-8080"); empty means every port
     */
    public record Rule(String protocol, List<String> ports) {

        /** Whether the entry covers {@code port} of {@code proto} (tcp or udp). */
        public boolean covers(String proto, int port) {
            if (!protocol.equals("all") && !protocol.equals(proto)) {
                return false;
            }
            if (ports.isEmpty()) {
                return true;
            }
            for (String p : ports) {
                String[] range = p.split("-", 2);
                try {
                    int from = Integer.parseInt(range[0].strip());
                    int to = range.length == 2 ? Integer.parseInt(range[1].strip()) : from;
                    if (port >= from && port <= to) {
                        return true;
                    }
                } catch (NumberFormatException e) {
                    // a malformed entry covers nothing
                }
            }
            return false;
        }
    }
}
