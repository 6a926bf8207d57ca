package io.watchkeeper.iamtuner.plan;

import io.watchkeeper.iamtuner.aws.AccountIam;
import io.watchkeeper.iamtuner.aws.IamGroup;
import io.watchkeeper.iamtuner.aws.IamPrincipal;
import io.watchkeeper.iamtuner.aws.ManagedPolicy;
import io.watchkeeper.iamtuner.policy.Policy;
import io.watchkeeper.iamtuner.policy.PolicyParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A principal's policies, parsed: its own inline and attached ones (which the tuner may change), its
 * groups' (which it never changes) and its boundary (never changed). {@link #error} is set when any
 * policy does not parse — such a principal is not tuned.
 */
final class PrincipalPolicies {

    final Map<String, Policy> inline = new LinkedHashMap<>();
    final Map<String, Policy> attached = new LinkedHashMap<>();
    final List<Policy> groups = new ArrayList<>();
    Policy boundary;
    String error;

    static PrincipalPolicies of(IamPrincipal p, AccountIam iam) {
        PrincipalPolicies out = new PrincipalPolicies();
        try {
            p.inline().forEach((name, text) -> out.inline.put(name, Policy.parse(name, text)));
            for (String arn : p.attached()) {
                out.attached.put(arn, managed(iam, arn));
            }
            for (String g : p.groups()) {
                IamGroup group = iam.groups().get(g);
                if (group == null) {
                    continue;
                }
                group.inline().forEach((name, text) -> out.groups.add(Policy.parse("group " + g + " / " + name, text)));
                for (String arn : group.attached()) {
                    out.groups.add(managed(iam, arn));
                }
            }
            if (p.boundaryArn() != null) {
                out.boundary = managed(iam, p.boundaryArn());
            }
        } catch (PolicyParseException e) {
            out.error = e.getMessage();
        }
        return out;
    }

    private static Policy managed(AccountIam iam, String arn) {
        ManagedPolicy mp = iam.policies().get(arn);
        if (mp == null || mp.document() == null) {
            throw new PolicyParseException(arn, "could not be read");
        }
        return Policy.parse(arn, mp.document());
    }

    /** Every identity policy in a stable order: own inline, own attached, groups'. */
    List<Policy> identity() {
        List<Policy> all = new ArrayList<>(inline.values());
        all.addAll(attached.values());
        all.addAll(groups);
        return all;
    }

    /** The identity policies with some replaced: inline by name, managed by ARN (null text = gone). */
    List<Policy> identityWith(Map<String, String> inlineTexts, Map<String, String> managedTexts) {
        List<Policy> all = new ArrayList<>();
        inline.forEach((name, p) -> {
            if (!inlineTexts.containsKey(name)) {
                all.add(p);
            } else if (inlineTexts.get(name) != null) {
                all.add(Policy.parse(name, inlineTexts.get(name)));
            }
        });
        attached.forEach((arn, p) -> {
            if (!managedTexts.containsKey(arn)) {
                all.add(p);
            } else if (managedTexts.get(arn) != null) {
                all.add(Policy.parse(arn, managedTexts.get(arn)));
            }
        });
        all.addAll(groups);
        return all;
    }

    boolean noRepo() {
        return inline.values().stream().anyMatch(Policy::hasNoRepo) || attached.values().stream().anyMatch(Policy::hasNoRepo);
    }

}
