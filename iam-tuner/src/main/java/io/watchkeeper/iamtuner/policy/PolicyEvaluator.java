package io.watchkeeper.iamtuner.policy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The local evaluator for one request (an action and a resource) against identity policies and an
 * optional permissions boundary, as IAM evaluates them within an account: an explicit deny wins, then
 * an allow is needed in the identity policies and, when there is a boundary, in the boundary too.
 * Conditions are kept symbolic (see {@link Verdict}). The bulk proof ({@link AccessMatrix}) computes the
 * same thing for every catalogue action at once; the property tests check the two agree.
 */
public final class PolicyEvaluator {

    private PolicyEvaluator() {}

    public static Verdict evaluate(List<Policy> identity, Policy boundary, String action, String resource) {
        Set<String> allow = new HashSet<>();
        Set<String> deny = new HashSet<>();
        collect(identity, action, resource, allow, deny);
        Set<String> bAllow = null;
        Set<String> bDeny = new HashSet<>();
        if (boundary != null) {
            bAllow = new HashSet<>();
            collect(List.of(boundary), action, resource, bAllow, bDeny);
        }
        return new Verdict(allow, deny, bAllow, bDeny);
    }

    private static void collect(List<Policy> policies, String action, String resource, Set<String> allow, Set<String> deny) {
        for (Policy p : policies) {
            for (Statement s : p.statements()) {
                if (s.matchesAction(action) && s.matchesResource(resource)) {
                    (s.allow() ? allow : deny).add(s.condition());
                }
            }
        }
    }
}
