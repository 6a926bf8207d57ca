package io.watchkeeper.auditors.policy.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NetworkEvaluatorTest {

    private static NetworkRule rule(int order, boolean allow, String protocol, Integer from, Integer to, String cidr) {
        return new NetworkRule(order, allow, protocol, from, to, cidr, String.valueOf(order));
    }

    @Test
    void theInternetIsEveryPublicAddressOfAFamily() {
        assertThat(IpSet.of("0.0.0.0/0").coversInternet()).isTrue();
        assertThat(IpSet.of("::/0").internetFamilies()).containsExactly(IpSet.Family.IPV6);
        assertThat(IpSet.of("0.0.0.0/1", "128.0.0.0/1").internetFamilies()).containsExactly(IpSet.Family.IPV4);
        assertThat(IpSet.of("0.0.0.0/1").coversInternet()).isFalse();
        assertThat(IpSet.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16").touchesInternet()).isFalse();
        assertThat(IpSet.of("8.8.8.8").touchesInternet()).isTrue();
    }

    @Test
    void cidrTextIsALiteralOrNothing() {
        for (String bad : List.of("example.com/8", "10.0.0.0/33", "256.1.1.1/8", "1.2.3.4/", "::/129", "", "1.2.3.4/8/9",
                "sg-0123", "pl-0123", "10.0.0.0/-1")) {
            assertThat(IpSet.cidr(bad)).as(bad).isEmpty();
        }
        assertThat(IpSet.cidr(null)).isEmpty();
        assertThat(IpSet.cidr("10.1.2.3/8").orElseThrow()).isEqualTo(IpSet.cidr("10.0.0.0/8").orElseThrow());
    }

    @Test
    void networkAclRuleOrderDecides() {
        List<NetworkRule> denyFirst = List.of(rule(100, true, "-1", null, null, "0.0.0.0/0"),
                rule(50, false, "tcp", 22, 22, "0.0.0.0/0"));
        assertThat(NetworkEvaluator.networkAcl(denyFirst, "tcp", 22).internet()).isFalse();
        assertThat(NetworkEvaluator.networkAcl(denyFirst, "tcp", 3389).internet()).isTrue();
        List<NetworkRule> allowFirst = List.of(rule(100, false, "tcp", 22, 22, "0.0.0.0/0"),
                rule(50, true, "tcp", 0, 1024, "0.0.0.0/0"));
        NetworkEvaluator.Admitted admitted = NetworkEvaluator.networkAcl(allowFirst, "tcp", 22);
        assertThat(admitted.internet()).isTrue();
        assertThat(admitted.rules()).extracting(NetworkRule::order).containsExactly(50);
        List<NetworkRule> carved = List.of(rule(10, false, "tcp", 22, 22, "8.0.0.0/8"), rule(20, true, "tcp", 22, 22, "0.0.0.0/0"));
        assertThat(NetworkEvaluator.networkAcl(carved, "tcp", 22).internet()).as("a hole in the internet").isFalse();
        assertThat(NetworkEvaluator.networkAcl(List.of(rule(10, true, "udp", 22, 22, "0.0.0.0/0")), "tcp", 22).internet())
                .isFalse();
    }

    @Test
    void securityGroupsAreAUnionAcrossPortRanges() {
        List<NetworkRule> rules = List.of(rule(0, true, "tcp", 0, 1024, "0.0.0.0/1"), rule(0, true, "6", 20, 30, "128.0.0.0/1"));
        assertThat(NetworkEvaluator.securityGroup(rules, "tcp", 22).internet()).isTrue();
        assertThat(NetworkEvaluator.securityGroup(rules, "tcp", 80).internet()).isFalse();
        assertThat(NetworkEvaluator.securityGroup(rules, "udp", 22).internet()).isFalse();
    }
}
