package io.watchkeeper.codescanner.iac.mapping;

import io.watchkeeper.core.config.aws.SecurityGroupConfig.Rule;
import java.util.List;
import java.util.Locale;

/** Security-group rules as the watcher stores them: one rule per source, protocol by name or "-1". */
final class SgRules {

    /** A port known only at apply time: the rule is left out rather than read as "all ports". */
    static final Integer UNKNOWN_PORT = Integer.MIN_VALUE;

    private SgRules() {}

    static String protocol(String p) {
        if (p == null) {
            return null;
        }
        String s = p.toLowerCase(Locale.ROOT);
        return switch (s) {
            case "all", "-1" -> "-1";
            case "6" -> "tcp";
            case "17" -> "udp";
            case "1" -> "icmp";
            default -> s;
        };
    }

    /**
     * Adds the rules of one declaration: a rule per IPv4 CIDR, IPv6 CIDR, group and prefix list.
     * All-protocol rules carry no ports (AWS reports none).
     */
    static void add(List<Rule> out, String protocol, Integer from, Integer to, List<String> cidr4, List<String> cidr6,
                    List<String> groups, List<String> prefixLists, String description) {
        if (protocol == null || UNKNOWN_PORT.equals(from) || UNKNOWN_PORT.equals(to)) {
            return;
        }
        Integer f = "-1".equals(protocol) ? null : from;
        Integer t = "-1".equals(protocol) ? null : to;
        cidr4.forEach(c -> out.add(new Rule(protocol, f, t, "cidr4", c, description)));
        cidr6.forEach(c -> out.add(new Rule(protocol, f, t, "cidr6", c, description)));
        groups.forEach(g -> out.add(new Rule(protocol, f, t, "security-group", g, description)));
        prefixLists.forEach(p -> out.add(new Rule(protocol, f, t, "prefix-list", p, description)));
    }
}
