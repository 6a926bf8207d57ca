package io.watchkeeper.iamtuner.policy;

import io.watchkeeper.iamtuner.catalog.ActionCatalog;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a set of policies allows for one resource, for every catalogue action at once: per condition,
 * the set of actions allowed (and denied) under it, as bit sets over the catalogue's action ids.
 */
final class AccessMatrix {

    final Map<String, BitSet> allow = new HashMap<>();
    final Map<String, BitSet> deny = new HashMap<>();

    static AccessMatrix of(ActionCatalog catalog, List<Policy> policies, String resource,
                           java.util.Map<Statement, BitSet> expanded) {
        AccessMatrix m = new AccessMatrix();
        for (Policy p : policies) {
            for (Statement s : p.statements()) {
                if (!s.matchesResource(resource)) {
                    continue;
                }
                BitSet actions = expanded.computeIfAbsent(s, x -> actions(catalog, x));
                (s.allow() ? m.allow : m.deny).computeIfAbsent(s.condition(), c -> new BitSet()).or(actions);
            }
        }
        return m;
    }

    /** The catalogue actions a statement's action element covers. */
    static BitSet actions(ActionCatalog catalog, Statement s) {
        BitSet set = new BitSet(catalog.size());
        for (String pattern : s.actions()) {
            catalog.addMatches(set, pattern);
        }
        if (s.notAction()) {
            BitSet all = new BitSet(catalog.size());
            all.set(0, catalog.size());
            all.andNot(set);
            return all;
        }
        return set;
    }

    BitSet anyAllow(int size) {
        BitSet any = new BitSet(size);
        allow.values().forEach(any::or);
        return any;
    }

    BitSet allow(String clause) {
        return allow.getOrDefault(clause, new BitSet());
    }

    BitSet deny(String clause) {
        return deny.getOrDefault(clause, new BitSet());
    }
}
