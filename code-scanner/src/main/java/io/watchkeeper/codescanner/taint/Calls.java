package io.watchkeeper.codescanner.taint;

import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.SuperExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import io.watchkeeper.codescanner.taint.JavaProject.ClassInfo;
import io.watchkeeper.codescanner.taint.Summaries.Hit;
import io.watchkeeper.codescanner.taint.Summaries.Summary;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/** Call resolution into the project (receiver type, superclasses, implementations of interfaces) and constants. */
final class Calls {

    private static final int MAX_TARGETS = 4;

    /** One project method a call may run. */
    record Target(ClassInfo owner, CallableDeclaration<?> decl) {}

    private Calls() {}

    static List<Target> targets(JavaProject project, ClassInfo owner, Map<String, String> localTypes, Set<String> locals,
                                Expression scope, String name, int arity, MethodAnalyzer a) {
        ClassInfo c;
        if (scope == null || scope instanceof ThisExpr) {
            c = owner;
        } else if (scope instanceof SuperExpr) {
            c = owner.supertypes().isEmpty() ? null : project.find(project.qualify(owner, owner.supertypes().getFirst()));
        } else if (scope instanceof NameExpr n && !locals.contains(n.getNameAsString())
                && !owner.fieldTypes().containsKey(n.getNameAsString()) && Character.isUpperCase(n.getNameAsString().charAt(0))) {
            c = project.find(project.qualify(owner, n.getNameAsString())); // a static call
        } else {
            c = project.find(a.typeOf(scope));
        }
        if (c == null) {
            return List.of();
        }
        List<Target> out = new ArrayList<>();
        add(project, c, name, arity, out);
        if (out.isEmpty() || c.isInterface() || out.stream().allMatch(t -> !hasBody(t.decl()))) {
            for (ClassInfo impl : project.implementations(c, MAX_TARGETS)) {
                add(project, impl, name, arity, out);
            }
        }
        out.removeIf(t -> !hasBody(t.decl()));
        return out.size() > MAX_TARGETS ? out.subList(0, MAX_TARGETS) : out;
    }

    private static void add(JavaProject project, ClassInfo c, String name, int arity, List<Target> out) {
        for (CallableDeclaration<?> d : project.methods(c, name, arity)) {
            ClassInfo declaring = project.find(project.qualify(c, declaringName(d, c)));
            out.add(new Target(declaring == null ? c : declaring, d));
        }
    }

    private static String declaringName(CallableDeclaration<?> d, ClassInfo fallback) {
        return d.findAncestor(com.github.javaparser.ast.body.TypeDeclaration.class)
                .map(t -> t.getFullyQualifiedName().orElse(t.getNameAsString())).orElse(fallback.fqn()).toString();
    }

    private static boolean hasBody(CallableDeclaration<?> d) {
        return !(d instanceof MethodDeclaration m) || m.getBody().isPresent();
    }

    /** The argument bound to parameter {@code index} (varargs: every remaining argument). */
    static Taint param(CallableDeclaration<?> d, Taint[] args, int index) {
        int n = d.getParameters().size();
        if (index == n - 1 && d.getParameter(n - 1).isVarArgs()) {
            Taint t = Taint.CLEAN;
            for (int i = index; i < args.length; i++) {
                t = t.union(args[i]);
            }
            return t;
        }
        return index < args.length ? args[index] : Taint.CLEAN;
    }

    /** A project constructor call: its sinks, and the new object's fields (reported to {@code writes}). */
    static Taint construct(MethodAnalyzer a, ClassInfo c, ObjectCreationExpr o, Taint[] args, int depth, List<Hit> hits,
                           Consumer<Map<String, Taint>> writes) {
        Summaries ctx = a.context();
        Map<String, Taint> fields = new HashMap<>();
        Taint.Step at = a.step(o, "constructs " + c.simple());
        List<CallableDeclaration<?>> ctors = ctx.project.methods(c, "<init>", args.length);
        if (ctors.isEmpty() && c.decl() instanceof RecordDeclaration r && r.getParameters().size() == args.length) {
            for (int i = 0; i < args.length; i++) {
                fields.put(r.getParameter(i).getNameAsString(), args[i].via(at));
            }
        }
        for (CallableDeclaration<?> d : ctors.isEmpty() ? List.<CallableDeclaration<?>>of() : List.of(ctors.getFirst())) {
            Summary s = ctx.of(c, d, depth + 1);
            java.util.function.Function<Taint.Origin, Taint> binding = orig -> orig instanceof Taint.Param p
                    ? param(d, args, p.index()) : Taint.CLEAN;
            for (Hit h : s.hits()) {
                Taint b = h.taint().bind(binding, at, false);
                if (!b.clean()) {
                    hits.add(h.with(b));
                }
            }
            s.fieldWrites().forEach((f, w) -> fields.put(f, w.bind(binding, at)));
        }
        writes.accept(fields);
        Taint out = Taint.CLEAN;
        for (Taint t : fields.values()) {
            out = out.union(t);
        }
        return out;
    }

    /** The declared return type of the project method a call runs, qualified, or null. */
    static String returnType(MethodAnalyzer a, MethodCallExpr m) {
        List<Target> ts = targets(a.context().project, a.owner(), Map.of(), Set.of(), m.getScope().orElse(null),
                m.getNameAsString(), m.getArguments().size(), a);
        for (Target t : ts) {
            if (t.decl() instanceof MethodDeclaration md) {
                return a.context().project.qualify(t.owner(), JavaProject.written(md.getType()));
            }
        }
        return null;
    }

    /**
     * Whether a project method is a check of its only parameter: it returns {@code boolean} and every
     * {@code return} is a conjunction containing a validator call ({@code matches}, {@code contains}, …) on
     * the parameter against literals or constants (e.g. {@code return s != null && s.matches("[a-z]+")}).
     */
    static boolean validates(TaintModel model, CallableDeclaration<?> d) {
        if (!(d instanceof MethodDeclaration m) || !"boolean".equals(m.getType().asString()) || m.getParameters().size() != 1
                || m.getBody().isEmpty()) {
            return false;
        }
        String p = m.getParameter(0).getNameAsString();
        List<com.github.javaparser.ast.stmt.ReturnStmt> returns = m.getBody().get().findAll(com.github.javaparser.ast.stmt.ReturnStmt.class);
        if (returns.isEmpty()) {
            return false;
        }
        for (var r : returns) {
            Expression e = r.getExpression().orElse(null);
            if (e == null || !(e instanceof BooleanLiteralExpr b && !b.getValue()) && !checks(model, e, p)) {
                return false;
            }
        }
        return true;
    }

    private static boolean checks(TaintModel model, Expression e, String p) {
        if (e instanceof com.github.javaparser.ast.expr.EnclosedExpr en) {
            return checks(model, en.getInner(), p);
        }
        if (e instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.AND) {
            return checks(model, b.getLeft(), p) || checks(model, b.getRight(), p);
        }
        if (e instanceof MethodCallExpr c && model.validator(c.getNameAsString()) && c.getScope().isPresent()) {
            boolean onParam = c.getScope().get() instanceof NameExpr n && n.getNameAsString().equals(p)
                    && c.getArguments().stream().allMatch(a -> a instanceof com.github.javaparser.ast.expr.LiteralExpr);
            boolean ofParam = c.getArguments().size() == 1 && c.getArguments().get(0) instanceof NameExpr n && n.getNameAsString().equals(p)
                    && (c.getScope().get() instanceof NameExpr s && Character.isUpperCase(s.getNameAsString().charAt(0))
                        || c.getScope().get() instanceof com.github.javaparser.ast.expr.LiteralExpr);
            return onParam || ofParam;
        }
        return false;
    }

    static boolean isStaticFinal(ClassInfo c, String field) {
        FieldDeclaration fd = c.fields().get(field);
        return fd != null && fd.isStatic() && fd.isFinal();
    }

    /** Whether a field is a compile-time constant: static final with a literal (or literal concatenation) initializer. */
    static boolean isConstant(ClassInfo c, String field) {
        FieldDeclaration fd = c.fields().get(field);
        if (fd == null || !fd.isFinal() || !fd.isStatic() && !c.isInterface()) {
            return false;
        }
        for (VariableDeclarator v : fd.getVariables()) {
            if (v.getNameAsString().equals(field)) {
                Expression init = v.getInitializer().orElse(null);
                return init instanceof com.github.javaparser.ast.expr.LiteralExpr || init != null && literal(init) != null;
            }
        }
        return false;
    }

    /** The value of a constant String field (static final, literal or concatenation of literals), or null. */
    static String constantString(ClassInfo c, String field) {
        FieldDeclaration fd = c.fields().get(field);
        if (fd == null || !fd.isFinal()) {
            return null;
        }
        for (VariableDeclarator v : fd.getVariables()) {
            if (v.getNameAsString().equals(field) && v.getInitializer().isPresent()) {
                return literal(v.getInitializer().get());
            }
        }
        return null;
    }

    private static String literal(Expression e) {
        if (e instanceof StringLiteralExpr s) {
            return s.asString();
        }
        if (e instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.PLUS) {
            String l = literal(b.getLeft());
            String r = literal(b.getRight());
            return l == null || r == null ? null : l + r;
        }
        return null;
    }

    /** The value of a constant boolean field ({@code static final boolean DEBUG = false}) of {@code cls} or the owner, or null. */
    static Boolean constantBoolean(JavaProject project, ClassInfo owner, String cls, String field) {
        ClassInfo c = cls == null ? owner : project.find(project.qualify(owner, cls));
        if (c == null) {
            return null;
        }
        FieldDeclaration fd = c.fields().get(field);
        if (fd == null || !fd.isFinal() || !(fd.isStatic() || c.isInterface())) {
            return null;
        }
        for (VariableDeclarator v : fd.getVariables()) {
            if (v.getNameAsString().equals(field) && v.getInitializer().orElse(null) instanceof BooleanLiteralExpr b) {
                return b.getValue();
            }
        }
        return null;
    }
}
