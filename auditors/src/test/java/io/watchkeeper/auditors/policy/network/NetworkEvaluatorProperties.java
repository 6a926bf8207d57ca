package io.watchkeeper.auditors.policy.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The set evaluation agrees with evaluating one address at a time. */
class NetworkEvaluatorProperties {

    @Provide
    Arbitrary<String> cidrs() {
        Arbitrary<Integer> octet = Arbitraries.integers().between(0, 255);
        return Combinators.combine(octet, octet, Arbitraries.integers().between(0, 32))
                .as((a, b, prefix) -> a + "." + b + ".0.0/" + prefix);
    }

    @Provide
    Arbitrary<String> addresses() {
        Arbitrary<Integer> octet = Arbitraries.integers().between(0, 255);
        return Combinators.combine(octet, octet, octet, octet).as((a, b, c, d) -> a + "." + b + "." + c + "." + d);
    }

    @Provide
    Arbitrary<NetworkRule> naclRules() {
        return Combinators.combine(Arbitraries.integers().between(1, 200), Arbitraries.of(true, false),
                        Arbitraries.of("-1", "tcp", "udp", "6"), Arbitraries.integers().between(0, 100), cidrs())
                .as((order, allow, protocol, from, cidr) -> new NetworkRule(order, allow, protocol, from, from + 30, cidr,
                        "rule" + order));
    }

    private static boolean inside(String cidr, String address) {
        return IpSet.cidr(cidr).orElseThrow().contains(address);
    }

    @Property(tries = 500)
    void aUnionHoldsExactlyTheAddressesOfItsParts(@ForAll List<@From("cidrs") String> cidrs, @ForAll("addresses") String address) {
        boolean any = cidrs.stream().anyMatch(c -> inside(c, address));
        assertThat(IpSet.of(cidrs).contains(address)).isEqualTo(any);
    }

    @Property(tries = 500)
    void minusRemovesExactlyTheOtherSet(@ForAll List<@From("cidrs") String> a, @ForAll List<@From("cidrs") String> b,
                                        @ForAll("addresses") String address) {
        boolean expected = a.stream().anyMatch(c -> inside(c, address)) && b.stream().noneMatch(c -> inside(c, address));
        assertThat(IpSet.of(a).minus(IpSet.of(b)).contains(address)).isEqualTo(expected);
    }

    @Property(tries = 500)
    void networkAclFirstMatchAgreesWithOneAddressAtATime(@ForAll List<@From("naclRules") NetworkRule> rules,
                                                          @ForAll("addresses") String address) {
        int port = 22;
        List<NetworkRule> ordered = new ArrayList<>(rules);
        ordered.sort(Comparator.comparingInt(NetworkRule::order));
        boolean expected = false;
        for (NetworkRule r : ordered) {
            if (r.matches("tcp", port) && inside(r.source(), address)) {
                expected = r.allow();
                break;
            }
        }
        assertThat(NetworkEvaluator.networkAcl(rules, "tcp", port).allowed().contains(address)).isEqualTo(expected);
    }

    @Property(tries = 300)
    void securityGroupsAdmitWhatAnyMatchingRuleAdmits(@ForAll List<@From("naclRules") NetworkRule> rules,
                                                      @ForAll("addresses") String address) {
        boolean expected = rules.stream().anyMatch(r -> r.matches("tcp", 22) && inside(r.source(), address));
        assertThat(NetworkEvaluator.securityGroup(rules, "tcp", 22).allowed().contains(address)).isEqualTo(expected);
    }
}
