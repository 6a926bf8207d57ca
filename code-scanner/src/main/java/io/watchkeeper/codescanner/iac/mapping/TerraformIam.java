package io.watchkeeper.codescanner.iac.mapping;

import io.watchkeeper.codescanner.iac.IacResource;
import io.watchkeeper.codescanner.iac.Value;
import io.watchkeeper.core.config.aws.IamInlinePolicy;
import io.watchkeeper.core.config.aws.IamPolicyConfig;
import io.watchkeeper.core.config.aws.IamRoleConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code aws_iam_policy}; {@code aws_iam_role} with {@code inline_policy} blocks and
 * {@code managed_policy_arns}, {@code aws_iam_role_policy} and {@code aws_iam_role_policy_attachment}.
 */
final class TerraformIam {

    private static final class Role {
        final IacResource origin;
        final Attrs attrs = new Attrs();
        final List<IamInlinePolicy> inline = new ArrayList<>();
        final List<String> attached = new ArrayList<>();
        final Map<String, IacResource> parts = new LinkedHashMap<>();
        String name;

        Role(IacResource origin) {
            this.origin = origin;
        }
    }

    private TerraformIam() {}

    static void map(List<IacResource> resources, List<Planned> out) {
        Links<Role> links = new Links<>();
        List<Role> roles = new ArrayList<>();
        Links<String> policyArns = new Links<>();
        for (IacResource r : resources) {
            if (r.type().equals("aws_iam_policy")) {
                Attrs a = new Attrs();
                String name = a.str(r.get("name"), "name", null, null);
                String path = a.str(r.get("path"), "path", "/", "/");
                String arn = name == null ? null : "arn:aws:iam::" + Policies.PLANNED_ACCOUNT + ":policy" + path + name;
                policyArns.add(r.address(), null, arn);
                out.add(new Planned("aws.iam.policy", name, new IamPolicyConfig(name, null, arn, path,
                        a.str(r.get("description"), "description", null, null), "v1",
                        Policies.read(r.get("policy"), a, "policy", Policies.EMPTY), true, null, null, null),
                        r, Map.of(), a.unknown(), Set.of("document")));
            } else if (r.type().equals("aws_iam_role")) {
                Role role = new Role(r);
                role.name = role.attrs.str(r.get("name"), "name", null, null);
                for (Value.Obj p : Attrs.blocks(r.get("inline_policy"))) {
                    IamInlinePolicy ip = inline(role.attrs, p.get("name"), p.get("policy"));
                    if (ip != null) {
                        role.inline.add(ip);
                    }
                }
                role.attached.addAll(role.attrs.strings(r.get("managed_policy_arns"), "managed_policy_arns"));
                roles.add(role);
                links.add(r.address(), role.name, role);
            }
        }
        for (IacResource r : resources) {
            switch (r.type()) {
                case "aws_iam_role_policy" -> {
                    Role role = links.find(r.get("role"));
                    if (role != null) {
                        IamInlinePolicy ip = inline(role.attrs, r.get("name"), r.get("policy"));
                        if (ip != null) {
                            role.inline.add(ip);
                        }
                        role.parts.putIfAbsent("inline-policy", r);
                    }
                }
                case "aws_iam_role_policy_attachment" -> {
                    Role role = links.find(r.get("role"));
                    if (role != null) {
                        Value arn = r.get("policy_arn");
                        String own = arn instanceof Value.Unknown ? policyArns.find(arn) : null;
                        String known = own != null ? own : role.attrs.str(arn, "policy_arn", null, null);
                        if (known != null) {
                            role.attached.add(known);
                        }
                        role.parts.putIfAbsent("attachment", r);
                    }
                }
                default -> { }
            }
        }
        for (Role role : roles) {
            Attrs a = role.attrs;
            String path = a.str(role.origin.get("path"), "path", "/", "/");
            String arn = role.name == null ? null : "arn:aws:iam::" + Policies.PLANNED_ACCOUNT + ":role" + path + role.name;
            IamRoleConfig config = new IamRoleConfig(role.name, null, arn, path, null,
                    Policies.read(role.origin.get("assume_role_policy"), a, "assume_role_policy", Policies.EMPTY),
                    role.inline, role.attached, a.str(role.origin.get("permissions_boundary"), "permissions_boundary", null, null),
                    List.of(), Attrs.tags(role.origin.get("tags")), null, null);
            out.add(new Planned("aws.iam.role", role.name, config, role.origin, role.parts, a.unknown(),
                    Set.of("trust", "inline", "attached")));
        }
    }

    private static IamInlinePolicy inline(Attrs a, Value name, Value policy) {
        if (Attrs.absent(policy)) {
            return null;
        }
        return new IamInlinePolicy(a.str(name, "inline policy name", "inline", "inline"),
                Policies.read(policy, a, "inline policy", Policies.EMPTY));
    }
}
