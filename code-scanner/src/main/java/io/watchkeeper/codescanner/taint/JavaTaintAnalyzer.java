package io.watchkeeper.codescanner.taint;

import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.MemberValuePair;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithAnnotations;
import io.watchkeeper.codescanner.taint.JavaProject.ClassInfo;
import io.watchkeeper.codescanner.taint.Summaries.Hit;
import io.watchkeeper.codescanner.taint.Summaries.Summary;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Java taint analysis of a set of source files: parse and index them ({@link JavaProject}), summarise
 * each method once ({@link Summaries}), then apply every method as an entry point: parameters that
 * carry a source annotation ({@code @RequestParam}, …) are tainted, {@code this} fields hold what any
 * entry point stored in them (two rounds, so a value stored by one handler and used by another is
 * seen), and each sink reached by a concrete source is a {@link Flow}. Bounded by a deadline, a file
 * size and a call depth; a file that does not parse or a method too deep to analyse is left out.
 */
public final class JavaTaintAnalyzer {

    /**
     * @param maxFileChars larger files are not parsed
     * @param timeout the whole analysis' budget in CPU time of the analysing thread; flows found so far are kept
     * @param maxDepth how deep summaries nest (calls within calls)
     */
    public record Limits(int maxFileChars, Duration timeout, int maxDepth) {
        public static final Limits DEFAULT = new Limits(1_000_000, Duration.ofSeconds(120), 12);
    }

    /** A source file to analyse. */
    public record Source(String path, String text) {}

    /**
     * One source-to-sink flow.
     *
     * @param rule the rule of the sink
     * @param steps source first, sink last
     * @param key what identifies the flow without line numbers (rule, method of the sink, sink and source text)
     */
    public record Flow(TaintModel.Rule rule, List<Taint.Step> steps, String key) {
        public Taint.Step sink() {
            return steps.getLast();
        }

        public Taint.Step source() {
            return steps.getFirst();
        }
    }

    /** The outcome: flows sorted by file and line, with what was analysed. */
    public record Result(List<Flow> flows, int files, long lines, int parseFailures, boolean timedOut) {}

    private final TaintModel model;
    private final Limits limits;

    public JavaTaintAnalyzer(TaintModel model, Limits limits) {
        this.model = model;
        this.limits = limits;
    }

    public TaintModel model() {
        return model;
    }

    public Result analyze(List<Source> sources) {
        long deadline = Summaries.now() + limits.timeout().toNanos(); // CPU time of this thread (parsing included)
        JavaProject project = JavaProject.parse(sources.stream().map(s -> new JavaProject.SourceFile(s.path(), s.text())).toList(),
                model, limits.maxFileChars());
        Summaries summaries = new Summaries(project, model, deadline, limits.maxDepth());
        Map<String, Flow> flows = new LinkedHashMap<>();
        Map<String, Taint> globals = new HashMap<>();
        boolean timedOut = false;
        try {
            // API misuses first (cheap, no source): a deadline in the taint rounds keeps them
            ApiMisuses misuses = new ApiMisuses(project, model);
            for (ClassInfo c : project.classes()) {
                for (List<CallableDeclaration<?>> ms : c.methods().values()) {
                    for (CallableDeclaration<?> m : ms) {
                        misuses.check(c, m, flows);
                    }
                }
            }
            for (int round = 0; round < 2; round++) {
                for (ClassInfo c : project.classes()) {
                    for (List<CallableDeclaration<?>> ms : c.methods().values()) {
                        for (CallableDeclaration<?> m : ms) {
                            entry(summaries, c, m, globals, flows);
                        }
                    }
                }
            }
        } catch (Summaries.Timeout e) {
            timedOut = true;
        } finally {
            project.close();
        }
        if (Boolean.getBoolean("watchkeeper.taint.debug")) {
            System.err.printf("solver: %d calls, %d ms%n", project.solverCalls, project.solverNanos / 1_000_000);
        }
        List<Flow> out = new ArrayList<>(flows.values());
        out.sort(Comparator.comparing((Flow f) -> f.sink().path()).thenComparingInt(f -> f.sink().line())
                .thenComparing(f -> f.rule().id()));
        return new Result(out, sources.size() - project.parseFailures(), project.lines(), project.parseFailures(), timedOut);
    }

    private void entry(Summaries summaries, ClassInfo c, CallableDeclaration<?> m, Map<String, Taint> globals, Map<String, Flow> flows) {
        Summary s;
        try {
            s = summaries.of(c, m, 0);
        } catch (RuntimeException e) {
            if (e instanceof Summaries.Timeout t) {
                throw t;
            }
            if (Boolean.getBoolean("watchkeeper.taint.debug")) {
                e.printStackTrace();
            }
            return; // a construct the analysis does not handle: this method is left out
        }
        Function<Taint.Origin, Taint> binding = o -> switch (o) {
            case Taint.Param p -> paramSource(c, m, p.index());
            case Taint.Field f -> globals.getOrDefault(c.fqn() + "." + f.name(), Taint.CLEAN);
            default -> Taint.CLEAN;
        };
        Taint.Step at = null; // an entry point: nothing between the parameter and the method
        for (Hit h : s.hits()) {
            record(h, h.taint().bind(binding, at, false), flows);
        }
        s.fieldWrites().forEach((f, w) -> {
            Taint bound = w.bind(binding, at);
            if (bound.traces().stream().anyMatch(Taint.Trace::concrete)) {
                globals.merge(c.fqn() + "." + f, bound, Taint::union);
            }
        });
        for (TaintModel.ReturnSink r : model.returnSinks()) {
            if (returnSink(r, c, m)) {
                Taint t = s.returns().bind(binding, at, false);
                List<Taint.Trace> live = t.liveFor(r.rule().id());
                if (!live.isEmpty()) {
                    Taint.Step sink = new Taint.Step(c.path(), m.getBegin().map(p -> p.line).orElse(0),
                            "response body of " + m.getNameAsString() + "()");
                    record(new Hit(r.rule(), sink, new Taint(live).via(sink), c.fqn() + "#" + m.getNameAsString()),
                            new Taint(live).via(sink), flows);
                }
            }
        }
    }

    private static void record(Hit h, Taint bound, Map<String, Flow> flows) {
        for (Taint.Trace t : bound.liveFor(h.rule().id())) {
            if (!(t.origin() instanceof Taint.Source src)) {
                continue;
            }
            List<Taint.Step> steps = new ArrayList<>(t.steps());
            if (!steps.getLast().equals(h.sink())) {
                steps.add(h.sink());
            }
            String key = h.rule().id() + "\0" + h.where() + "\0" + h.sink().label() + "\0" + src.at().label();
            Flow f = new Flow(h.rule(), List.copyOf(steps), key);
            flows.merge(key + "\0" + h.sink().path() + ":" + h.sink().line(), f,
                    (a, b) -> a.steps().size() <= b.steps().size() ? a : b);
        }
    }

    private Taint paramSource(ClassInfo c, CallableDeclaration<?> m, int index) {
        if (index >= m.getParameters().size()) {
            return Taint.CLEAN;
        }
        Parameter p = m.getParameter(index);
        if (MethodAnalyzer.cleanType(c.cu() == null ? null : JavaProject.written(p.getType()))) {
            return Taint.CLEAN;
        }
        for (TaintModel.ParamSource s : model.paramSources()) {
            for (AnnotationExpr a : m.getAnnotations()) {
                if (annotationIn(a, s.methodAnnotations())) {
                    Taint.Step at = new Taint.Step(c.path(), p.getBegin().map(x -> x.line).orElse(0),
                            s.kind() + ": " + p.getNameAsString() + " of @" + a.getName().getIdentifier() + " " + m.getNameAsString() + "()");
                    return Taint.source(s.kind(), at);
                }
            }
            for (AnnotationExpr a : p.getAnnotations()) {
                if (annotationIn(a, s.annotations())) {
                    Taint.Step at = new Taint.Step(c.path(), p.getBegin().map(x -> x.line).orElse(0),
                            s.kind() + ": @" + a.getNameAsString() + " " + p.getNameAsString());
                    return Taint.source(s.kind(), at);
                }
            }
        }
        return Taint.CLEAN;
    }

    private static boolean annotationIn(AnnotationExpr a, Set<String> names) {
        String n = a.getNameAsString();
        for (String s : names) {
            if (s.equals(n) || s.endsWith("." + n)) {
                return true;
            }
        }
        return false;
    }

    private static boolean annotated(NodeWithAnnotations<?> n, Set<String> names) {
        return n.getAnnotations().stream().anyMatch(a -> annotationIn(a, names));
    }

    private static boolean returnSink(TaintModel.ReturnSink r, ClassInfo c, CallableDeclaration<?> m) {
        if (!(m instanceof MethodDeclaration md) || !md.isPublic() && !c.isInterface() && md.getAnnotations().isEmpty()) {
            return false;
        }
        String type = JavaProject.written(md.getType());
        if (!r.returnTypes().contains(type)) {
            return false;
        }
        boolean body = annotated(md, r.methodAnnotations())
                || c.decl() instanceof NodeWithAnnotations<?> na && annotated(na, r.classAnnotations());
        if (!body || !annotated(md, r.handlerAnnotations())) {
            return false;
        }
        for (AnnotationExpr a : md.getAnnotations()) {
            if (annotationIn(a, r.handlerAnnotations()) && a instanceof NormalAnnotationExpr n) {
                for (MemberValuePair pair : n.getPairs()) {
                    if (pair.getNameAsString().equals("produces")) {
                        String v = pair.getValue().toString();
                        if (r.unlessProduces().stream().anyMatch(u -> v.contains(u) || v.contains(u.toUpperCase().replace('/', '_')))) {
                            return false;
                        }
                    }
                }
            }
        }
        return true;
    }
}
