package io.watchkeeper.codescanner.taint;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * What a value may carry from a source: a few traces, each an origin and the steps from it to here.
 * An origin is concrete (a source in code) or symbolic inside a method summary (a parameter, a field
 * of {@code this} at entry, the receiver object), bound when the summary is applied at a call. Clean
 * values are {@link #CLEAN}. Immutable; sizes are bounded so hostile code cannot blow it up.
 */
public record Taint(List<Trace> traces) {

    static final int MAX_TRACES = 6;
    static final int MAX_STEPS = 24;

    public static final Taint CLEAN = new Taint(List.of());

    /** Where a value came from. */
    public sealed interface Origin {}

    /** A source in code: a request getter, an annotated parameter. */
    public record Source(String kind, Step at) implements Origin {}

    /** The summary's parameter {@code index}. */
    public record Param(int index) implements Origin {}

    /** The value of {@code this.name} when the method was entered. */
    public record Field(String name) implements Origin {}

    /** The receiver object itself (anything read from it). */
    public record Receiver() implements Origin {}

    /** One place on a path: file, line, and what happens there. */
    public record Step(String path, int line, String label) {}

    /**
     * @param origin where it started
     * @param steps the places it went through (the source's own step first for concrete origins)
     * @param cleared rule ids a sanitiser on the way made this trace safe for
     */
    public record Trace(Origin origin, List<Step> steps, Set<String> cleared) {
        Trace via(Step s) {
            if (s == null || !steps.isEmpty() && steps.getLast().equals(s)) {
                return this;
            }
            List<Step> out = new ArrayList<>(Math.min(steps.size() + 1, MAX_STEPS));
            if (steps.size() >= MAX_STEPS) {
                out.addAll(steps.subList(0, 2)); // keep the source, drop the middle
                out.addAll(steps.subList(steps.size() - MAX_STEPS + 3, steps.size()));
            } else {
                out.addAll(steps);
            }
            out.add(s);
            return new Trace(origin, List.copyOf(out), cleared);
        }

        Trace clear(Set<String> rules) {
            Set<String> c = new HashSet<>(cleared);
            c.addAll(rules);
            return new Trace(origin, steps, Set.copyOf(c));
        }

        boolean concrete() {
            return origin instanceof Source;
        }
    }

    public Taint {
        traces = List.copyOf(traces);
    }

    public static Taint source(String kind, Step at) {
        return new Taint(List.of(new Trace(new Source(kind, at), List.of(at), Set.of())));
    }

    public static Taint symbolic(Origin o) {
        return new Taint(List.of(new Trace(o, List.of(), Set.of())));
    }

    public boolean clean() {
        return traces.isEmpty();
    }

    /** Traces not made safe for {@code rule}. */
    public List<Trace> liveFor(String rule) {
        return traces.stream().filter(t -> !t.cleared().contains(rule)).toList();
    }

    public Taint union(Taint other) {
        if (other == null || other.clean()) {
            return this;
        }
        if (clean()) {
            return other;
        }
        List<Trace> out = new ArrayList<>(traces);
        for (Trace t : other.traces) {
            if (out.size() >= MAX_TRACES) {
                break;
            }
            if (out.stream().noneMatch(o -> o.origin().equals(t.origin()) && o.cleared().equals(t.cleared()))) {
                out.add(t);
            }
        }
        return new Taint(out);
    }

    public Taint via(Step s) {
        return clean() ? this : new Taint(traces.stream().map(t -> t.via(s)).toList());
    }

    /** Made safe for the given rules (all rules: {@link #CLEAN}). */
    public Taint clear(Set<String> rules) {
        return clean() ? this : new Taint(traces.stream().map(t -> t.clear(rules)).toList());
    }

    /**
     * Binds symbolic origins: each symbolic trace is replaced by the traces of its binding, continued
     * by {@code at} (the call) and then the trace's own steps; concrete traces are continued by {@code at}.
     */
    public Taint bind(Function<Origin, Taint> binding, Step at) {
        return bind(binding, at, true);
    }

    /** As {@link #bind(Function, Step)}; {@code extendConcrete} false leaves complete traces (sink hits) as they are. */
    public Taint bind(Function<Origin, Taint> binding, Step at, boolean extendConcrete) {
        if (clean()) {
            return this;
        }
        Taint out = CLEAN;
        for (Trace t : traces) {
            if (t.concrete()) {
                out = out.union(new Taint(List.of(extendConcrete ? t.via(at) : t)));
                continue;
            }
            Taint bound = binding.apply(t.origin());
            if (bound == null || bound.clean()) {
                continue;
            }
            for (Trace b : bound.traces) {
                Trace r = b.via(at);
                for (Step s : t.steps()) {
                    r = r.via(s);
                }
                if (!t.cleared().isEmpty()) {
                    r = r.clear(t.cleared());
                }
                out = out.union(new Taint(List.of(r)));
            }
        }
        return out;
    }

    public static Taint unionAll(List<Taint> all) {
        Taint out = CLEAN;
        for (Taint t : all) {
            out = out.union(t);
        }
        return out;
    }
}
