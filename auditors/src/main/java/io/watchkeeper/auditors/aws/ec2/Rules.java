package io.watchkeeper.auditors.aws.ec2;

import io.watchkeeper.auditors.policy.network.IpSet;
import io.watchkeeper.core.config.aws.SecurityGroupConfig.Rule;
import io.watchkeeper.core.finding.AuditContext;
import io.watchkeeper.core.finding.EntityClass;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Null-safe helpers over security-group rules. */
final class Rules {

    private static final Set<String> TCP = Set.of("tcp", "6");
    private static final Set<String> UDP = Set.of("udp", "17");

    private Rules() {}

    /** The rules, without nulls; empty when the list is missing. */
    static List<Rule> of(List<Rule> rules) {
        return rules == null ? List.of() : rules.stream().filter(Objects::nonNull).toList();
    }

    static boolean allProtocols(Rule rule) {
        return "-1".equals(rule.protocol());
    }

    static boolean tcp(Rule rule) {
        return allProtocols(rule) || TCP.contains(rule.protocol());
    }

    static boolean udp(Rule rule) {
        return allProtocols(rule) || UDP.contains(rule.protocol());
    }

    /**
     * Whether the rule opens every port of its protocol: all traffic, or a tcp/udp rule without a
     * port range or with the range 0-65535.
     */
    static boolean allPorts(Rule rule) {
        if (allProtocols(rule)) {
            return true;
        }
        if (!tcp(rule) && !udp(rule)) {
            return false;
        }
        Integer from = rule.fromPort();
        Integer to = rule.toPort();
        return from == null || to == null || from == -1 || from <= 0 && to >= 65535;
    }

    /**
     * Whether a port finding of {@code rule} is already reported by the all-ports finding of a rule
     * of the same group: one opening every port, of all protocols or of the same protocol, to the
     * same internet source. One misconfiguration, one finding.
     */
    static boolean subsumedByAllPorts(List<Rule> groupRules, Rule rule, AuditContext context) {
        for (Rule wide : groupRules) {
            if (allPorts(wide) && Objects.equals(wide.source(), rule.source()) && fromInternet(wide, context)
                    && (allProtocols(wide) || Objects.equals(protocolName(wide), protocolName(rule)))) {
                return true;
            }
        }
        return false;
    }

    private static String protocolName(Rule rule) {
        if (TCP.contains(rule.protocol())) {
            return "tcp";
        }
        return UDP.contains(rule.protocol()) ? "udp" : rule.protocol();
    }

    /**
     * Whether the rule's source alone is the internet: a CIDR meaning everyone (0.0.0.0/0, ::/0) or one
     * covering every public address of its family (2000::/3), evaluated as a set ({@link IpSet}).
     */
    static boolean fromInternet(Rule rule, AuditContext context) {
        if (!cidr(rule)) {
            return false;
        }
        EntityClass entity = context.classifyNetwork(rule.source());
        if (entity == EntityClass.INTERNET) {
            return true;
        }
        // only an IPv6 network of prefix 3 or less can cover the public internet without being ::/0
        return entity == EntityClass.UNKNOWN && rule.source().indexOf(':') >= 0 && prefix(rule.source()) <= 3
                && IpSet.cidr(rule.source()).map(IpSet::coversInternet).orElse(false);
    }

    /** The prefix length of a CIDR's text, or 129 when there is none or it does not parse. */
    static int prefix(String cidr) {
        int slash = cidr.indexOf('/');
        if (slash < 0 || slash == cidr.length() - 1 || cidr.length() - slash > 4) {
            return 129;
        }
        int value = 0;
        for (int i = slash + 1; i < cidr.length(); i++) {
            char c = cidr.charAt(i);
            if (c < '0' || c > '9') {
                return 129;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** Whether the rule's source is a CIDR (not a group or prefix list). */
    static boolean cidr(Rule rule) {
        return rule.sourceType() != null && rule.sourceType().startsWith("cidr") && rule.source() != null;
    }

    /** The stable evidence key of a rule: {@code <direction>:<protocol>:<from>-<to>:<source>}. */
    static String key(String direction, Rule rule) {
        return direction + ":" + rule.protocol() + ":" + rule.fromPort() + "-" + rule.toPort() + ":" + rule.source();
    }

    /** How people read the rule's protocol and ports. */
    static String describe(Rule rule) {
        if (allProtocols(rule)) {
            return "all traffic";
        }
        if (rule.fromPort() == null || rule.toPort() == null || rule.fromPort() == -1) {
            return "all " + rule.protocol() + " ports";
        }
        return rule.protocol() + " " + (rule.fromPort().equals(rule.toPort()) ? rule.fromPort()
                : rule.fromPort() + "-" + rule.toPort());
    }
}
