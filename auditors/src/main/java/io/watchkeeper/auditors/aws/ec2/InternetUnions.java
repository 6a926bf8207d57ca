package io.watchkeeper.auditors.aws.ec2;

import io.watchkeeper.auditors.policy.network.IpSet;
import io.watchkeeper.auditors.policy.network.NetworkEvaluator;
import io.watchkeeper.auditors.policy.network.NetworkRule;
import io.watchkeeper.core.config.aws.SecurityGroupConfig.Rule;
import io.watchkeeper.core.finding.AuditContext;
import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import io.watchkeeper.core.json.Json;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiPredicate;
import tools.jackson.databind.node.ObjectNode;

/**
 * Ports the whole internet reaches only through several rules together (0.0.0.0/1 + 128.0.0.0/1, a
 * list of public ranges without the private ones): the security group's rules evaluated as a set by
 * the {@link NetworkEvaluator}. A family a single rule already opens is that rule's finding, so a
 * union is reported only for what no rule opens alone (one misconfiguration, one finding).
 */
final class InternetUnions {

    private InternetUnions() {}

    /**
     * One port (or every port) of a protocol open to a family's whole internet through several rules.
     *
     * @param protocol tcp or udp
     * @param what the port number, or {@code all}
     * @param family the address family whose internet gets in
     * @param rules the rules that together let it in
     */
    record Union(String protocol, String what, IpSet.Family family, List<Rule> rules) {

        /** Evidence key: {@code ingress-union:<protocol>:<port|all>:<family>}. */
        String key() {
            return "ingress-union:" + protocol + ":" + what + ":" + family.name().toLowerCase(Locale.ROOT);
        }

        /** "0.0.0.0/1, 128.0.0.0/1": the sources, for messages. */
        String sources() {
            return String.join(", ", rules.stream().map(Rule::source).distinct().toList());
        }

        Evidence evidence(String what, Exposure exposure) {
            ObjectNode details = Json.object().put("family", family.name()).put("protocol", protocol).put("ports", this.what);
            details.set("rules", Json.tree(rules));
            return new Evidence(key(), line(what + " open to the whole " + (family == IpSet.Family.IPV4
                    ? "IPv4" : "IPv6") + " internet through " + rules.size() + " rules (" + sources() + ") "
                    + Reachability.describe(exposure)), exposure, details);
        }
    }

    /**
     * Whether any union can reach the internet: the CIDRs of the rules (other than /0) add up, per family,
     * to at least the size of that family's public internet. Text only, no parsing or classification:
     * the cheap test that spares nearly every group the set arithmetic.
     */
    static boolean possible(List<Rule> rules, AuditContext context) {
        double v4 = 0;
        double v6 = 0;
        int candidates = 0;
        for (Rule rule : rules) {
            if (!Rules.cidr(rule)) {
                continue;
            }
            int prefix = Rules.prefix(rule.source());
            boolean six = rule.source().indexOf(':') >= 0;
            if (prefix == 0 || prefix > (six ? 128 : 32)) {
                continue;
            }
            candidates++;
            if (six) {
                v6 += Math.pow(2, 128 - prefix);
            } else {
                v4 += Math.pow(2, 32 - prefix);
            }
        }
        return candidates >= 2 && (v4 >= PUBLIC_V4_SIZE || v6 >= PUBLIC_V6_SIZE);
    }

    private static final double PUBLIC_V4_SIZE = IpSet.PUBLIC_IPV4.size(IpSet.Family.IPV4);
    private static final double PUBLIC_V6_SIZE = IpSet.PUBLIC_IPV6.size(IpSet.Family.IPV6);

    /** Whether a rule alone opens its protocol to a family's whole internet. */
    static Set<IpSet.Family> aloneFamilies(Rule rule, AuditContext context) {
        Set<IpSet.Family> out = EnumSet.noneOf(IpSet.Family.class);
        if (Rules.fromInternet(rule, context)) {
            out.addAll(network(rule).addresses().internetFamilies());
            if (out.isEmpty()) {
                out.add(rule.source() != null && rule.source().contains(":") ? IpSet.Family.IPV6 : IpSet.Family.IPV4);
            }
        }
        return out;
    }

    /** The families of {@code port} of {@code protocol} that only a union of rules opens to the internet. */
    static List<Union> port(List<Rule> rules, String protocol, int port, BiPredicate<Rule, Integer> exposes,
                            AuditContext context) {
        Set<IpSet.Family> alone = EnumSet.noneOf(IpSet.Family.class);
        List<NetworkRule> candidates = new ArrayList<>();
        for (Rule rule : rules) {
            if (!Rules.cidr(rule) || !matchesProtocol(rule, protocol) || !exposes.test(rule, port)) {
                continue;
            }
            Set<IpSet.Family> families = aloneFamilies(rule, context);
            if (families.isEmpty()) {
                candidates.add(network(rule));
            } else {
                alone.addAll(families);
            }
        }
        alone.addAll(allPortsFamilies(rules, protocol, context));
        return unions(candidates, protocol, port, String.valueOf(port), alone, rules);
    }

    /** The families of every port of {@code protocol} that only a union of all-port rules opens to the internet. */
    static List<Union> allPorts(List<Rule> rules, String protocol, AuditContext context) {
        Set<IpSet.Family> alone = EnumSet.noneOf(IpSet.Family.class);
        List<NetworkRule> candidates = new ArrayList<>();
        for (Rule rule : rules) {
            if (!Rules.cidr(rule) || !matchesProtocol(rule, protocol) || !Rules.allPorts(rule)) {
                continue;
            }
            Set<IpSet.Family> families = aloneFamilies(rule, context);
            if (families.isEmpty()) {
                candidates.add(network(rule));
            } else {
                alone.addAll(families);
            }
        }
        return unions(candidates, protocol, 0, "all", alone, rules);
    }

    /** The families in which every port of the protocol is open to the internet (one rule or a union). */
    private static Set<IpSet.Family> allPortsFamilies(List<Rule> rules, String protocol, AuditContext context) {
        Set<IpSet.Family> out = EnumSet.noneOf(IpSet.Family.class);
        List<NetworkRule> candidates = new ArrayList<>();
        for (Rule rule : rules) {
            if (Rules.cidr(rule) && matchesProtocol(rule, protocol) && Rules.allPorts(rule)) {
                out.addAll(aloneFamilies(rule, context));
                candidates.add(network(rule));
            }
        }
        if (candidates.size() > 1) {
            out.addAll(NetworkEvaluator.securityGroup(candidates, protocol, 0).allowed().internetFamilies());
        }
        return out;
    }

    private static List<Union> unions(List<NetworkRule> candidates, String protocol, int port, String what,
                                      Set<IpSet.Family> done, List<Rule> rules) {
        if (candidates.size() < 2) {
            return List.of();
        }
        NetworkEvaluator.Admitted admitted = NetworkEvaluator.securityGroup(candidates, protocol, port);
        List<Union> out = new ArrayList<>();
        for (IpSet.Family family : admitted.allowed().internetFamilies()) {
            if (done.contains(family)) {
                continue;
            }
            IpSet.Family f = family;
            List<Rule> through = rules.stream().filter(r -> admitted.rules().stream()
                    .anyMatch(n -> n.ref().equals(Rules.key("ingress", r)))
                    && !network(r).addresses().intersect(f == IpSet.Family.IPV4 ? IpSet.ALL_IPV4 : IpSet.ALL_IPV6).isEmpty())
                    .toList();
            out.add(new Union(protocol, what, family, through));
        }
        return out;
    }

    private static String line(String text) {
        return text.length() <= 300 ? text : text.substring(0, 299) + "…";
    }

    private static boolean matchesProtocol(Rule rule, String protocol) {
        return protocol.equals("tcp") ? Rules.tcp(rule) : Rules.udp(rule);
    }

    private static NetworkRule network(Rule rule) {
        return new NetworkRule(0, true, rule.protocol(), rule.fromPort(), rule.toPort(), rule.source(),
                Rules.key("ingress", rule));
    }
}
