package io.watchkeeper.iamtuner.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The IAM of one account as read for planning or applying. */
public record AccountIam(List<IamPrincipal> principals, Map<String, IamGroup> groups, Map<String, ManagedPolicy> policies) {

    public AccountIam {
        principals = List.copyOf(principals);
        groups = Map.copyOf(groups);
        policies = Map.copyOf(policies);
    }

    public Optional<IamPrincipal> principal(String arn) {
        return principals.stream().filter(p -> p.arn().equals(arn)).findFirst();
    }

    /** Who a managed policy is attached to: principal ARNs and {@code group:<name>} entries. */
    public List<String> attachments(String policyArn) {
        List<String> out = new ArrayList<>();
        for (IamPrincipal p : principals) {
            if (p.attached().contains(policyArn)) {
                out.add(p.arn());
            }
        }
        groups.values().stream().filter(g -> g.attached().contains(policyArn)).forEach(g -> out.add("group:" + g.name()));
        return out;
    }
}
