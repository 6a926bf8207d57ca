package io.watchkeeper.codescanner.taint;

import com.github.javaparser.ast.body.CallableDeclaration;
import io.watchkeeper.codescanner.taint.JavaProject.ClassInfo;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Method summaries, computed once per method with symbolic parameters, fields and receiver, and
 * applied at each call (so a callee is analysed once, however many callers it has). Recursion and
 * depth beyond {@code maxDepth} get an empty summary; the deadline stops the whole analysis.
 */
final class Summaries {

    /** What a method does with taint: the return value, {@code this} fields at exit, and sinks reached. */
    record Summary(Taint returns, Map<String, Taint> fieldWrites, List<Hit> hits) {
        static final Summary EMPTY = new Summary(Taint.CLEAN, Map.of(), List.of());
    }

    /**
     * A sink reached by {@code taint} (its traces already end at the sink step).
     *
     * @param where class and method of the sink, for stable fingerprints
     * @param sink the sink step
     */
    record Hit(TaintModel.Rule rule, Taint.Step sink, Taint taint, String where) {
        Hit with(Taint t) {
            return new Hit(rule, sink, t, where);
        }
    }

    /** The analysis ran out of time. */
    static final class Timeout extends RuntimeException {
        Timeout() {
            super("taint analysis deadline", null, false, false);
        }
    }

    final JavaProject project;
    final TaintModel model;
    private final long deadline;
    private final int maxDepth;
    private final Map<CallableDeclaration<?>, Summary> cache = new IdentityHashMap<>();
    private final Set<CallableDeclaration<?>> active = Collections.newSetFromMap(new IdentityHashMap<>());
    private long steps;
    int failures;

    Summaries(JavaProject project, TaintModel model, long deadlineNanos, int maxDepth) {
        this.project = project;
        this.model = model;
        this.deadline = deadlineNanos;
        this.maxDepth = maxDepth;
    }

    Summary of(ClassInfo owner, CallableDeclaration<?> m, int depth) {
        Summary s = cache.get(m);
        if (s != null) {
            return s;
        }
        if (depth > maxDepth || active.contains(m)) {
            return Summary.EMPTY;
        }
        active.add(m);
        try {
            s = new MethodAnalyzer(this, owner, m, depth).run();
        } catch (StackOverflowError e) {
            s = Summary.EMPTY; // hostile nesting: this method is not analysed
        } catch (Timeout e) {
            throw e;
        } catch (RuntimeException e) {
            failures++;
            if (Boolean.getBoolean("watchkeeper.taint.debug")) {
                e.printStackTrace();
            }
            s = Summary.EMPTY; // a construct the analysis does not handle: this method is left out
        } finally {
            active.remove(m);
        }
        cache.put(m, s);
        return s;
    }

    /** Called on every statement: throws {@link Timeout} past the deadline. */
    void tick() {
        if ((++steps & 255) == 0 && now() > deadline) {
            throw new Timeout();
        }
    }

    /**
     * The clock of the deadline: this thread's CPU time where the JVM measures it (a busy machine does not
     * shorten the analysis; the analysis runs on one thread), else wall time.
     */
    static long now() {
        java.lang.management.ThreadMXBean t = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpu = t.isCurrentThreadCpuTimeSupported() ? t.getCurrentThreadCpuTime() : -1;
        return cpu >= 0 ? cpu : System.nanoTime();
    }
}
