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
    static List<Rule> add(List<Rule> out, String protocol, Integer from, Integer to, List<String> cidr4, List<String> cidr6,
                    List<String> groups, List<String> prefixLists, String description) {
        if (protocol == null || UNKNOWN_PORT.equals(from) || UNKNOWN_PORT.equals(to)) {
            return List.of();
        }
        int before = out.size();
        Integer f = "-1".equals(protocol) ? null : from;
        Integer t = "-1".equals(protocol) ? null : to;
        cidr4.forEach(c -> out.add(new Rule(protocol, f, t, "cidr4", c, description)));
        cidr6.forEach(c -> out.add(new Rule(protocol, f, t, "cidr6", c, description)));
        groups.forEach(g -> out.add(new Rule(protocol, f, t, "security-group", g, description)));
        prefixLists.forEach(p -> out.add(new Rule(protocol, f, t, "prefix-list", p, description)));
        return List.copyOf(out.subList(before, out.size()));
    }

    /**
     * Records which declaration made each rule ({@code parts} key {@code rule:<evidence key prefix>}, as
     * the security-group checks key their evidence), so a finding points at the rule resource that opened it.
     */
    static void origin(java.util.Map<String, io.watchkeeper.codescanner.iac.IacResource> parts, String direction, List<Rule> rules,
                       io.watchkeeper.codescanner.iac.IacResource declaredBy) {
        for (Rule r : rules) {
            parts.putIfAbsent(RULE + direction + ":" + r.protocol() + ":" + r.fromPort() + "-" + r.toPort() + ":" + r.source(), declaredBy);
        }
    }

    static final String RULE = "rule:";
}
