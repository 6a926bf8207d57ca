package io.watchkeeper.codescanner.iac.mapping;

import io.watchkeeper.codescanner.iac.IacResource;
import io.watchkeeper.codescanner.iac.Value;
import io.watchkeeper.core.config.aws.Ec2InstanceConfig;
import io.watchkeeper.core.config.aws.SecurityGroupConfig;
import io.watchkeeper.core.config.aws.SecurityGroupConfig.Rule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code aws_security_group} and {@code aws_default_security_group} with inline rules,
 * {@code aws_security_group_rule}, {@code aws_vpc_security_group_ingress_rule} / {@code _egress_rule},
 * and {@code aws_instance}. A rule whose protocol, ports or source is known only at apply time is
 * left out (never guessed open).
 */
final class TerraformNetwork {

    private static final class Group {
        final IacResource origin;
        final Attrs attrs = new Attrs();
        final List<Rule> ingress = new ArrayList<>();
        final List<Rule> egress = new ArrayList<>();
        final Map<String, IacResource> parts = new LinkedHashMap<>();
        String name;

        Group(IacResource origin) {
            this.origin = origin;
        }
    }

    private TerraformNetwork() {}

    static void map(List<IacResource> resources, List<Planned> out) {
        Links<Group> links = new Links<>();
        List<Group> groups = new ArrayList<>();
        for (IacResource r : resources) {
            boolean isDefault = r.type().equals("aws_default_security_group");
            if (r.type().equals("aws_security_group") || isDefault) {
                Group g = new Group(r);
                g.name = isDefault ? "default" : g.attrs.str(r.get("name"), "name", null, null);
                for (Value.Obj rule : Attrs.blocks(r.get("ingress"))) {
                    inline(g, rule, g.ingress);
                }
                for (Value.Obj rule : Attrs.blocks(r.get("egress"))) {
                    inline(g, rule, g.egress);
                }
                g.attrs.isUnknown(r.get("ingress"), "ingress");
                groups.add(g);
                links.add(r.address(), g.name, g);
            }
        }
        for (IacResource r : resources) {
            switch (r.type()) {
                case "aws_security_group_rule" -> {
                    Group g = links.find(r.get("security_group_id"));
                    if (g != null) {
                        Attrs a = g.attrs;
                        boolean ingress = "ingress".equals(a.str(r.get("type"), "type", "ingress", null));
                        List<String> groupsFrom = new ArrayList<>();
                        String source = a.str(r.get("source_security_group_id"), "source_security_group_id", null, null);
                        if (source != null) {
                            groupsFrom.add(source);
                        }
                        if (Boolean.TRUE.equals(a.bool(r.get("self"), "self", false, false))) {
                            groupsFrom.add("self");
                        }
                        List<Rule> added = SgRules.add(ingress ? g.ingress : g.egress, SgRules.protocol(a.str(r.get("protocol"), "protocol", null, null)),
                                a.integer(r.get("from_port"), "from_port", null, SgRules.UNKNOWN_PORT), a.integer(r.get("to_port"), "to_port", null, SgRules.UNKNOWN_PORT),
                                a.strings(r.get("cidr_blocks"), "cidr_blocks"), a.strings(r.get("ipv6_cidr_blocks"), "ipv6_cidr_blocks"),
                                groupsFrom, a.strings(r.get("prefix_list_ids"), "prefix_list_ids"), a.str(r.get("description"), "description", null, null));
                        SgRules.origin(g.parts, ingress ? "ingress" : "egress", added, r);
                    }
                }
                case "aws_vpc_security_group_ingress_rule", "aws_vpc_security_group_egress_rule" -> {
                    Group g = links.find(r.get("security_group_id"));
                    if (g != null) {
                        Attrs a = g.attrs;
                        boolean ingress = r.type().contains("ingress");
                        String ref = a.str(r.get("referenced_security_group_id"), "referenced_security_group_id", null, null);
                        List<Rule> added = SgRules.add(ingress ? g.ingress : g.egress, SgRules.protocol(a.str(r.get("ip_protocol"), "ip_protocol", null, null)),
                                a.integer(r.get("from_port"), "from_port", null, SgRules.UNKNOWN_PORT), a.integer(r.get("to_port"), "to_port", null, SgRules.UNKNOWN_PORT),
                                a.strings(r.get("cidr_ipv4"), "cidr_ipv4"), a.strings(r.get("cidr_ipv6"), "cidr_ipv6"),
                                ref == null ? List.of() : List.of(ref), a.strings(r.get("prefix_list_id"), "prefix_list_id"),
                                a.str(r.get("description"), "description", null, null));
                        SgRules.origin(g.parts, ingress ? "ingress" : "egress", added, r);
                    }
                }
                case "aws_instance" -> out.add(instance(r));
                default -> { }
            }
        }
        for (Group g : groups) {
            String description = g.attrs.str(g.origin.get("description"), "description", "Managed by Terraform", null);
            out.add(new Planned("aws.ec2.security-group", g.name, new SecurityGroupConfig(null, g.name, description,
                    g.attrs.str(g.origin.get("vpc_id"), "vpc_id", null, null), null, g.ingress, g.egress, Attrs.tags(g.origin.get("tags"))),
                    g.origin, g.parts, g.attrs.unknown(), Set.of("ingress", "egress")));
        }
    }

    private static void inline(Group g, Value.Obj rule, List<Rule> into) {
        Attrs a = g.attrs;
        List<String> groupsFrom = new ArrayList<>(a.strings(rule.get("security_groups"), "security_groups"));
        if (Boolean.TRUE.equals(a.bool(rule.get("self"), "self", false, false))) {
            groupsFrom.add("self");
        }
        SgRules.add(into, SgRules.protocol(a.str(rule.get("protocol"), "protocol", null, null)),
                a.integer(rule.get("from_port"), "from_port", null, SgRules.UNKNOWN_PORT), a.integer(rule.get("to_port"), "to_port", null, SgRules.UNKNOWN_PORT),
                a.strings(rule.get("cidr_blocks"), "cidr_blocks"), a.strings(rule.get("ipv6_cidr_blocks"), "ipv6_cidr_blocks"),
                groupsFrom, a.strings(rule.get("prefix_list_ids"), "prefix_list_ids"), a.str(rule.get("description"), "description", null, null));
    }

    private static Planned instance(IacResource r) {
        Attrs a = new Attrs();
        Value.Obj md = Attrs.first(r.get("metadata_options"));
        // http_tokens: the provider leaves it to the AMI's default; unknown AMI defaults are not guessed
        String tokens = a.str(Attrs.get(md, "http_tokens"), "metadata_options.http_tokens", "required", "required");
        String endpoint = a.str(Attrs.get(md, "http_endpoint"), "metadata_options.http_endpoint", "enabled", "enabled");
        String profile = a.str(r.get("iam_instance_profile"), "iam_instance_profile", null, "planned-instance-profile");
        Boolean publicIp = a.bool(r.get("associate_public_ip_address"), "associate_public_ip_address", false, false);
        List<String> sgs = a.strings(r.get("vpc_security_group_ids"), "vpc_security_group_ids");
        Ec2InstanceConfig config = new Ec2InstanceConfig(null, a.str(r.get("instance_type"), "instance_type", null, null),
                a.str(r.get("ami"), "ami", null, null), "running", null, a.str(r.get("subnet_id"), "subnet_id", null, null), null,
                publicIp, null, null, sgs, profile, new Ec2InstanceConfig.MetadataOptions(tokens, endpoint,
                a.integer(Attrs.get(md, "http_put_response_hop_limit"), "hop limit", null, null), null), null, null,
                Attrs.tags(r.get("tags")));
        return new Planned("aws.ec2.instance", Attrs.tags(r.get("tags")).get("Name"), config, r, Map.of(), a.unknown(),
                Set.of("metadata", "profile"));
    }
}
