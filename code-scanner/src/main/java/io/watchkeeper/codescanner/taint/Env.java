package io.watchkeeper.codescanner.taint;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The abstract state at one point of a method: the taint of each local variable, of {@code this.f}
 * and {@code v.f} fields written in the method, and the elements of collections whose keys or indexes
 * are constants ({@code list.add}, {@code map.put("k", …)}), so an element that is not the tainted one
 * stays clean.
 */
final class Env {

    /** Elements of a collection with constant keys; {@code size} counts {@code add}s. */
    static final class Elems {
        final LinkedHashMap<String, Taint> byKey = new LinkedHashMap<>();
        int size;

        Elems copy() {
            Elems e = new Elems();
            e.byKey.putAll(byKey);
            e.size = size;
            return e;
        }

        Taint all() {
            Taint t = Taint.CLEAN;
            for (Taint v : byKey.values()) {
                t = t.union(v);
            }
            return t;
        }
    }

    final Map<String, Taint> vals;
    final Map<String, Elems> elems;

    Env() {
        this(new HashMap<>(), new HashMap<>());
    }

    private Env(Map<String, Taint> vals, Map<String, Elems> elems) {
        this.vals = vals;
        this.elems = elems;
    }

    Env copy() {
        Map<String, Elems> e = new HashMap<>();
        elems.forEach((k, v) -> e.put(k, v.copy()));
        return new Env(new HashMap<>(vals), e);
    }

    boolean has(String key) {
        return vals.containsKey(key);
    }

    /** The whole value of {@code key}: itself and every element. */
    Taint get(String key) {
        Taint t = vals.getOrDefault(key, Taint.CLEAN);
        Elems e = elems.get(key);
        return e == null ? t : t.union(e.all());
    }

    void set(String key, Taint t) {
        vals.put(key, t == null ? Taint.CLEAN : t);
        elems.remove(key);
    }

    /** Marks {@code key} a collection whose elements are tracked one by one (a new, empty collection). */
    void track(String key) {
        vals.put(key, Taint.CLEAN);
        elems.put(key, new Elems());
    }

    /**
     * Merges two states after a branch. A key only one side has takes {@code missing} on the other
     * side (a field's entry value, or clean for locals declared in a branch).
     */
    static Env merge(Env a, Env b, Function<String, Taint> missing) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        Env out = new Env();
        for (String k : a.vals.keySet()) {
            Taint other = b.vals.containsKey(k) ? b.vals.get(k) : missing.apply(k);
            out.vals.put(k, a.vals.get(k).union(other));
        }
        for (String k : b.vals.keySet()) {
            if (!out.vals.containsKey(k)) {
                out.vals.put(k, b.vals.get(k).union(missing.apply(k)));
            }
        }
        for (Map.Entry<String, Elems> e : a.elems.entrySet()) {
            Elems o = b.elems.get(e.getKey());
            if (o == null || o.size != e.getValue().size) {
                // shapes differ: fold into the whole value
                out.vals.merge(e.getKey(), e.getValue().all().union(o == null ? Taint.CLEAN : o.all()), Taint::union);
                continue;
            }
            Elems m = e.getValue().copy();
            o.byKey.forEach((k, v) -> m.byKey.merge(k, v, Taint::union));
            out.elems.put(e.getKey(), m);
        }
        for (Map.Entry<String, Elems> e : b.elems.entrySet()) {
            if (!a.elems.containsKey(e.getKey())) {
                out.vals.merge(e.getKey(), e.getValue().all(), Taint::union);
            }
        }
        return out;
    }
}
