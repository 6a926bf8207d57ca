package io.watchkeeper.iamtuner.policy;

import io.watchkeeper.iamtuner.catalog.ActionCatalog;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Proves a rewrite before it is made: over every catalogue action and every resource the policies
 * name, the new identity policies (with the same boundary) allow nothing the old ones did not — each
 * decision is compared symbolically (see {@link Verdict#within}) — and every used action gets exactly
 * the old decision. Actions the catalogue does not know are probed one by one: the used ones, and one
 * made-up action per service the policies mention, so a wildcard that would reach future actions is
 * checked too.
 */
public final class ProofChecker {

    static final String OTHER_RESOURCE = "arn:aws:watchkeeper-probe:::resource-no-policy-names";
    private static final int SHOWN = 20;

    private final ActionCatalog catalog;

    public ProofChecker(ActionCatalog catalog) {
        this.catalog = catalog;
    }

    public Proof prove(List<Policy> before, List<Policy> after, Policy boundary, Set<String> used) {
        Set<String> resources = resources(before, after, boundary);
        BitSet usedIds = new BitSet(catalog.size());
        Set<String> extra = new TreeSet<>();
        for (String u : used) {
            var id = catalog.find(u);
            if (id.isPresent()) {
                usedIds.set(id.getAsInt());
            } else {
                extra.add(u);
            }
        }
        Set<String> probes = probes(before, after);
        List<String> newAccess = new ArrayList<>();
        List<String> lost = new ArrayList<>();
        int size = catalog.size();
        java.util.Map<Statement, BitSet> expanded = new java.util.IdentityHashMap<>();
        for (String r : resources) {
            AccessMatrix old = AccessMatrix.of(catalog, before, r, expanded);
            AccessMatrix now = AccessMatrix.of(catalog, after, r, expanded);
            AccessMatrix bound = boundary == null ? null : AccessMatrix.of(catalog, List.of(boundary), r, expanded);
            BitSet never = never(now, bound, size);
            BitSet violation = new BitSet(size);
            BitSet oldAlways = old.allow(Verdict.ALWAYS);
            for (var e : now.allow.entrySet()) {
                BitSet v = (BitSet) e.getValue().clone();
                v.andNot(old.allow(e.getKey()));
                v.andNot(oldAlways);
                violation.or(v);
            }
            BitSet newAlwaysDeny = now.deny(Verdict.ALWAYS);
            for (var e : old.deny.entrySet()) {
                BitSet v = (BitSet) e.getValue().clone();
                v.andNot(now.deny(e.getKey()));
                v.andNot(newAlwaysDeny);
                violation.or(v);
            }
            violation.andNot(never);
            violation.stream().limit(SHOWN - newAccess.size()).forEach(i -> newAccess.add(catalog.action(i).qualified() + " on " + r));
            if (!violation.isEmpty() && newAccess.size() < SHOWN) {
                newAccess.add("…");
            }
            BitSet changed = new BitSet(size);
            Set<String> clauses = new HashSet<>(old.allow.keySet());
            clauses.addAll(now.allow.keySet());
            for (String c : clauses) {
                BitSet x = (BitSet) old.allow(c).clone();
                x.xor(now.allow(c));
                changed.or(x);
            }
            clauses = new HashSet<>(old.deny.keySet());
            clauses.addAll(now.deny.keySet());
            for (String c : clauses) {
                BitSet x = (BitSet) old.deny(c).clone();
                x.xor(now.deny(c));
                changed.or(x);
            }
            changed.and(usedIds);
            changed.stream().limit(SHOWN - lost.size()).forEach(i -> lost.add(catalog.action(i).qualified() + " on " + r));
            for (String name : probes) {
                if (!PolicyEvaluator.evaluate(after, boundary, name, r).within(PolicyEvaluator.evaluate(before, boundary, name, r))
                        && newAccess.size() < SHOWN) {
                    newAccess.add(name + " on " + r);
                }
            }
            for (String name : extra) {
                if (!PolicyEvaluator.evaluate(after, boundary, name, r).equals(PolicyEvaluator.evaluate(before, boundary, name, r))
                        && lost.size() < SHOWN) {
                    lost.add(name + " on " + r);
                }
            }
        }
        boolean holds = newAccess.isEmpty() && lost.isEmpty();
        return new Proof(holds, size, probes.size() + extra.size(), resources.size(), used.size(), newAccess, lost);
    }

    /** Actions that are certainly not allowed by {@code now} (with the boundary) for this resource. */
    private static BitSet never(AccessMatrix now, AccessMatrix boundary, int size) {
        BitSet never = new BitSet(size);
        never.set(0, size);
        never.andNot(now.anyAllow(size));
        never.or(now.deny(Verdict.ALWAYS));
        if (boundary != null) {
            BitSet noBoundaryAllow = new BitSet(size);
            noBoundaryAllow.set(0, size);
            noBoundaryAllow.andNot(boundary.anyAllow(size));
            never.or(noBoundaryAllow);
            never.or(boundary.deny(Verdict.ALWAYS));
        }
        return never;
    }

    /** Every resource pattern the policies name (read as a literal ARN) and one they do not. */
    static Set<String> resources(List<Policy> before, List<Policy> after, Policy boundary) {
        Set<String> out = new LinkedHashSet<>();
        List<Policy> all = new ArrayList<>(before);
        all.addAll(after);
        if (boundary != null) {
            all.add(boundary);
        }
        for (Policy p : all) {
            for (Statement s : p.statements()) {
                out.addAll(s.resources());
            }
        }
        out.add(OTHER_RESOURCE);
        return out;
    }

    /**
     * Made-up actions the catalogue does not hold: one per service the policies mention, one per wildcard
     * pattern (the pattern with its wildcards filled in, so a wildcard reaching future actions is caught),
     * and one of a service nobody knows.
     */
    static Set<String> probes(List<Policy> before, List<Policy> after) {
        Set<String> out = new TreeSet<>();
        List<Policy> all = new ArrayList<>(before);
        all.addAll(after);
        for (Policy p : all) {
            for (Statement s : p.statements()) {
                for (String a : s.actions()) {
                    if (a.indexOf('*') >= 0 || a.indexOf('?') >= 0) {
                        out.add(a.replace("*", "WkFuture").replace('?', 'Q'));
                    }
                    int colon = a.indexOf(':');
                    if (colon > 0 && a.indexOf('*') != 0 && a.indexOf('?') != 0) {
                        String svc = a.substring(0, colon).toLowerCase(Locale.ROOT);
                        if (!svc.contains("*") && !svc.contains("?")) {
                            out.add(svc + ":WatchkeeperProbeFutureAction");
                        }
                    }
                }
            }
        }
        out.add("watchkeeper-probe:FutureAction");
        return out;
    }
}
