package io.watchkeeper.auditors.remediation.aws;

import io.watchkeeper.core.config.aws.SecurityGroupConfig.Rule;
import io.watchkeeper.core.model.InvalidInputException;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.Ipv6Range;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One CIDR rule of a security group as the {@code IpPermissions} parameter of an EC2 call:
 * written from a stored rule, read back with every value validated, and turned into the SDK's form.
 */
final class IpPermissions {

    private static final Pattern PROTOCOL = Pattern.compile("-1|tcp|udp|icmp|icmpv6|25[0-5]|2[0-4]\\d|1?\\d?\\d");
    private static final String OCTET = "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
    private static final Pattern CIDR4 = Pattern.compile("(" + OCTET + "\\.){3}" + OCTET + "/(3[0-2]|[12]?\\d)");
    private static final Pattern CIDR6 = Pattern.compile("(?=.*:)[0-9a-fA-F:]{2,39}/(12[0-8]|1[01]\\d|[1-9]?\\d)");
    /** What EC2 accepts in a rule description. */
    private static final Pattern DESCRIPTION = Pattern.compile("[a-zA-Z0-9. _\\-:/()#,@\\[\\]+=&;{}!$*]{0,255}");

    private IpPermissions() {}

    /** Puts {@code rule} into {@code params} as IpPermissions (its description only if asked), validated by {@link #read}. */
    static ObjectNode write(ObjectNode params, Rule rule, boolean withDescription) {
        if (!"cidr4".equals(rule.sourceType()) && !"cidr6".equals(rule.sourceType())) {
            throw new InvalidInputException("refusing a rule whose source is not a CIDR ("
                    + AwsCalls.printable(String.valueOf(rule.sourceType())) + ")");
        }
        boolean ipv4 = "cidr4".equals(rule.sourceType());
        ObjectNode p = params.putArray("IpPermissions").addObject().put("IpProtocol", rule.protocol());
        if (rule.fromPort() != null) {
            p.put("FromPort", rule.fromPort());
        }
        if (rule.toPort() != null) {
            p.put("ToPort", rule.toPort());
        }
        ObjectNode range = p.putArray(ipv4 ? "IpRanges" : "Ipv6Ranges").addObject()
                .put(ipv4 ? "CidrIp" : "CidrIpv6", rule.source());
        if (withDescription && rule.description() != null) {
            range.put("Description", rule.description());
        }
        read(params);
        return params;
    }

    /** The rule of a call's parameters, validated: exactly one permission with exactly one IPv4 or IPv6 range. */
    static Rule read(JsonNode params) {
        JsonNode permissions = params.path("IpPermissions");
        JsonNode p = permissions.path(0);
        JsonNode v4 = p.path("IpRanges");
        JsonNode v6 = p.path("Ipv6Ranges");
        if (permissions.size() != 1 || p.size() != p.propertyNames().stream().filter(List.of("IpProtocol", "FromPort",
                "ToPort", "IpRanges", "Ipv6Ranges")::contains).count() || v4.size() + v6.size() != 1) {
            throw new InvalidInputException("refusing IpPermissions that are not exactly one rule with one CIDR");
        }
        boolean ipv4 = v4.size() == 1;
        JsonNode range = ipv4 ? v4.path(0) : v6.path(0);
        if (range.propertyNames().stream().anyMatch(n -> !n.equals(ipv4 ? "CidrIp" : "CidrIpv6") && !n.equals("Description"))) {
            throw new InvalidInputException("refusing an IP range with other members than the CIDR and its description");
        }
        for (String port : List.of("FromPort", "ToPort")) {
            Integer value = AwsCalls.integer(p, port);
            if (value != null && (value < -1 || value > 65535)) {
                throw new InvalidInputException("refusing " + port + " " + value + " (expected -1..65535)");
            }
        }
        return new Rule(AwsCalls.text(p, "IpProtocol", PROTOCOL, "protocol"), AwsCalls.integer(p, "FromPort"),
                AwsCalls.integer(p, "ToPort"), ipv4 ? "cidr4" : "cidr6",
                AwsCalls.text(range, ipv4 ? "CidrIp" : "CidrIpv6", ipv4 ? CIDR4 : CIDR6, "CIDR"),
                range.has("Description") ? AwsCalls.text(range, "Description", DESCRIPTION, "rule description") : null);
    }

    /** The SDK's form of a rule {@link #read} returned. */
    static IpPermission sdk(Rule rule) {
        boolean ipv4 = "cidr4".equals(rule.sourceType());
        return IpPermission.builder().ipProtocol(rule.protocol()).fromPort(rule.fromPort()).toPort(rule.toPort())
                .ipRanges(ipv4 ? List.of(IpRange.builder().cidrIp(rule.source()).description(rule.description()).build())
                        : List.of())
                .ipv6Ranges(ipv4 ? List.of() : List.of(Ipv6Range.builder().cidrIpv6(rule.source())
                        .description(rule.description()).build()))
                .build();
    }

    /** The rule of {@code rules} with the same protocol, ports and source as {@code wanted}, or null. */
    static Rule find(List<Rule> rules, Rule wanted) {
        return rules == null ? null : rules.stream().filter(r -> r != null && Objects.equals(r.protocol(), wanted.protocol())
                && Objects.equals(r.fromPort(), wanted.fromPort()) && Objects.equals(r.toPort(), wanted.toPort())
                && Objects.equals(r.sourceType(), wanted.sourceType()) && Objects.equals(r.source(), wanted.source()))
                .findFirst().orElse(null);
    }
}
