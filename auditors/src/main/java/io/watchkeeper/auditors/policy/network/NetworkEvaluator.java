package io.watchkeeper.auditors.policy.network;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which addresses a list of rules lets through to one port, as a set. Security groups are a union
 * of allows ({@link #securityGroup}); network ACLs are evaluated in rule-number order, the first
 * matching rule deciding, and traffic no rule matches is denied ({@link #networkAcl}).
 */
public final class NetworkEvaluator {

    private NetworkEvaluator() {}

    /**
     * What reaches a port, and through which rules.
     *
     * @param allowed the addresses let through
     * @param rules the allowing rules that let some of them through, in evaluation order
     */
    public record Admitted(IpSet allowed, List<NetworkRule> rules) {

        /** Whether the whole public IPv4 or IPv6 internet gets through. */
        public boolean internet() {
            return allowed.coversInternet();
        }
    }

    /** Security-group semantics: every rule allows; the admitted set is the union of the matching rules. */
    public static Admitted securityGroup(List<NetworkRule> rules, String protocol, int port) {
        IpSet allowed = IpSet.EMPTY;
        List<NetworkRule> through = new ArrayList<>();
        for (NetworkRule rule : rules) {
            if (rule != null && rule.matches(protocol, port)) {
                IpSet addresses = rule.addresses();
                if (!addresses.isEmpty()) {
                    allowed = allowed.union(addresses);
                    through.add(rule);
                }
            }
        }
        return new Admitted(allowed, List.copyOf(through));
    }

    /**
     * Network-ACL semantics: rules in ascending {@link NetworkRule#order()}; for every address the first
     * rule that matches it (and the protocol and port) decides; what no rule matches is denied.
     */
    public static Admitted networkAcl(List<NetworkRule> rules, String protocol, int port) {
        List<NetworkRule> ordered = rules.stream().filter(r -> r != null)
                .sorted(Comparator.comparingInt(NetworkRule::order)).toList();
        IpSet decided = IpSet.EMPTY;
        IpSet allowed = IpSet.EMPTY;
        List<NetworkRule> through = new ArrayList<>();
        for (NetworkRule rule : ordered) {
            if (!rule.matches(protocol, port)) {
                continue;
            }
            IpSet fresh = rule.addresses().minus(decided);
            if (fresh.isEmpty()) {
                continue;
            }
            if (rule.allow()) {
                allowed = allowed.union(fresh);
                through.add(rule);
            }
            decided = decided.union(fresh);
        }
        return new Admitted(allowed, List.copyOf(through));
    }
}
