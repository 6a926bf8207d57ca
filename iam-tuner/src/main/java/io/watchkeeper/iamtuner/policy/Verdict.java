package io.watchkeeper.iamtuner.policy;

import java.util.Set;

/**
 * What a set of policies says about one request, symbolically: the conditions under which it is
 * allowed and denied ({@code ""} = always). Conditions are opaque: two statements share a condition
 * only if their Condition blocks are the same. Effective access is
 * {@code (any allow) ∧ (no boundary ∨ any boundary allow) ∧ ¬(any deny) ∧ ¬(any boundary deny)}.
 *
 * @param boundaryAllow null when there is no permissions boundary
 */
public record Verdict(Set<String> allow, Set<String> deny, Set<String> boundaryAllow, Set<String> boundaryDeny) {

    public static final String ALWAYS = "";

    public Verdict {
        allow = Set.copyOf(allow);
        deny = Set.copyOf(deny);
        boundaryAllow = boundaryAllow == null ? null : Set.copyOf(boundaryAllow);
        boundaryDeny = Set.copyOf(boundaryDeny);
    }

    /** Certainly not allowed, under any condition. */
    public boolean neverAllowed() {
        return allow.isEmpty() || deny.contains(ALWAYS)
                || (boundaryAllow != null && (boundaryAllow.isEmpty() || boundaryDeny.contains(ALWAYS)));
    }

    /** Allowed whatever the request's context. */
    public boolean alwaysAllowed() {
        return allow.contains(ALWAYS) && deny.isEmpty()
                && (boundaryAllow == null || (boundaryAllow.contains(ALWAYS) && boundaryDeny.isEmpty()));
    }

    /**
     * Whether everything this verdict allows, {@code wider} allows too, in every context — decided soundly:
     * true only when it certainly holds (each allow condition here is one there or there it is always
     * allowed; each deny condition there is one here or here it is always denied; the same for a boundary).
     */
    public boolean within(Verdict wider) {
        if (neverAllowed()) {
            return true;
        }
        if (!covered(allow, wider.allow) || !covered(wider.deny, deny) || !covered(wider.boundaryDeny, boundaryDeny)) {
            return false;
        }
        if (wider.boundaryAllow == null) {
            return true;
        }
        return boundaryAllow != null && covered(boundaryAllow, wider.boundaryAllow);
    }

    private static boolean covered(Set<String> clauses, Set<String> by) {
        return by.contains(ALWAYS) || by.containsAll(clauses);
    }
}
