package io.watchkeeper.codescanner.taint;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithArguments;
import io.watchkeeper.codescanner.taint.JavaProject.ClassInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Unsafe uses of an API judged at the call, without a source (weak hashes and ciphers, static IVs, parsers
 * without secure processing, cookies without Secure/HttpOnly, predictable random numbers for security values,
 * hard-coded credentials, type-resolving JSON mappers): the model's {@code misuses}. Each finding is a one-step
 * {@link JavaTaintAnalyzer.Flow} (the call), keyed like a taint flow by rule, method and call text.
 */
final class ApiMisuses {

    private static final Set<String> BYTES = Set.of("getBytes", "toCharArray");

    private final JavaProject project;
    private final List<TaintModel.Misuse> misuses;

    ApiMisuses(JavaProject project, TaintModel model) {
        this.project = project;
        this.misuses = model.misuses();
    }

    void check(ClassInfo c, CallableDeclaration<?> m, Map<String, JavaTaintAnalyzer.Flow> out) {
        if (misuses.isEmpty()) {
            return;
        }
        for (Node n : m.findAll(Node.class, x -> x instanceof MethodCallExpr || x instanceof ObjectCreationExpr)) {
            String name;
            String type;
            if (n instanceof MethodCallExpr call) {
                name = call.getNameAsString();
                type = call.getScope().map(s -> typeOf(c, m, s)).orElse(null);
            } else {
                ObjectCreationExpr created = (ObjectCreationExpr) n;
                name = "<init>";
                type = project.qualify(c, created.getType().getNameWithScope());
            }
            if (type == null) {
                continue;
            }
            for (TaintModel.Misuse mu : misuses) {
                if (mu.at().names().contains(name) && mu.at().matches(type) && unsafe(mu, c, m, n)) {
                    Taint.Step at = new Taint.Step(c.path(), n.getBegin().map(p -> p.line).orElse(0), label(n));
                    String key = mu.rule().id() + "\0" + c.fqn() + "#" + m.getNameAsString() + "\0" + at.label();
                    out.putIfAbsent(key + "\0" + at.path() + ":" + at.line(), new JavaTaintAnalyzer.Flow(mu.rule(), List.of(at), key));
                }
            }
        }
    }

    private boolean unsafe(TaintModel.Misuse mu, ClassInfo c, CallableDeclaration<?> m, Node call) {
        @SuppressWarnings("unchecked")
        List<Expression> args = ((NodeWithArguments<Node>) call).getArguments();
        if (mu.arg() >= 0) {
            if (mu.arg() >= args.size()) {
                return false;
            }
            Expression a = args.get(mu.arg());
            if (mu.constantMatches() != null) {
                String v = constantString(c, a);
                if (v == null || !mu.constantMatches().matcher(v).find()) {
                    return false;
                }
            }
            if (mu.constant() && !constant(c, a)) {
                return false;
            }
        }
        String target = assignedName(call);
        String context = contextName(call);
        if (mu.context() != null && !matches(mu.context(), m.getNameAsString()) && (context == null || !matches(mu.context(), context))) {
            return false;
        }
        if (!mu.requiresAll().isEmpty() || !mu.requiresAny().isEmpty()) {
            if (target == null) {
                return false; // the object escapes the analysis (returned, passed on): nothing to judge
            }
            List<String> calls = new ArrayList<>();
            for (MethodCallExpr mc : m.findAll(MethodCallExpr.class)) {
                if (mc.getScope().map(s -> target.equals(simpleName(s))).orElse(false)) {
                    calls.add(mc.getNameAsString() + "(" + String.join(", ", mc.getArguments().stream().map(Node::toString).toList()) + ")");
                }
            }
            boolean all = mu.requiresAll().stream().allMatch(p -> calls.stream().anyMatch(t -> p.matcher(t).find()));
            boolean any = mu.requiresAny().isEmpty() || mu.requiresAny().stream().anyMatch(p -> calls.stream().anyMatch(t -> p.matcher(t).find()));
            return !(all && any);
        }
        return true;
    }

    private static boolean matches(Pattern p, String s) {
        return p.matcher(s).find();
    }

    /** The local or field the call's result is stored in, or null. */
    private static String assignedName(Node call) {
        Optional<Node> parent = call.getParentNode();
        while (parent.isPresent() && parent.get() instanceof com.github.javaparser.ast.expr.CastExpr) {
            parent = parent.get().getParentNode();
        }
        if (parent.isEmpty()) {
            return null;
        }
        if (parent.get() instanceof VariableDeclarator v) {
            return v.getNameAsString();
        }
        if (parent.get() instanceof AssignExpr a) {
            return simpleName(a.getTarget());
        }
        return null;
    }

    /** The variable or field that the value built around the call (within one statement) is stored in, or null. */
    private static String contextName(Node call) {
        for (Optional<Node> p = call.getParentNode(); p.isPresent() && !(p.get() instanceof com.github.javaparser.ast.stmt.Statement);
                p = p.get().getParentNode()) {
            if (p.get() instanceof VariableDeclarator v) {
                return v.getNameAsString();
            }
            if (p.get() instanceof AssignExpr a) {
                return simpleName(a.getTarget());
            }
        }
        return null;
    }

    private static String simpleName(Expression e) {
        if (e instanceof NameExpr n) {
            return n.getNameAsString();
        }
        if (e instanceof FieldAccessExpr f && f.getScope().isThisExpr()) {
            return f.getNameAsString();
        }
        return null;
    }

    /** The type of a call's receiver: a local's, parameter's or field's declared type, or a type named statically. */
    private String typeOf(ClassInfo c, CallableDeclaration<?> m, Expression scope) {
        if (scope instanceof ObjectCreationExpr o) {
            return project.qualify(c, o.getType().getNameWithScope());
        }
        String name = simpleName(scope);
        if (name == null) {
            return scope instanceof FieldAccessExpr f ? project.qualify(c, f.toString()) : null;
        }
        for (VariableDeclarator v : m.findAll(VariableDeclarator.class)) {
            if (v.getNameAsString().equals(name)) {
                return project.qualify(c, JavaProject.written(v.getType()));
            }
        }
        for (Parameter p : m.getParameters()) {
            if (p.getNameAsString().equals(name)) {
                return project.qualify(c, JavaProject.written(p.getType()));
            }
        }
        if (c.fieldTypes().containsKey(name)) {
            return project.qualify(c, JavaProject.written(c.fieldTypes().get(name)));
        }
        return Character.isUpperCase(name.charAt(0)) ? project.qualify(c, name) : null;
    }

    /** A string literal, a concatenation of them, or a static final field of the class holding one. */
    private static String constantString(ClassInfo c, Expression e) {
        if (e instanceof StringLiteralExpr s) {
            return s.asString();
        }
        if (e instanceof com.github.javaparser.ast.expr.BinaryExpr b && b.getOperator() == com.github.javaparser.ast.expr.BinaryExpr.Operator.PLUS) {
            String l = constantString(c, b.getLeft());
            String r = constantString(c, b.getRight());
            return l == null || r == null ? null : l + r;
        }
        Expression init = finalFieldInit(c, e);
        return init == null ? null : constantString(c, init);
    }

    /** Whether a value is fixed in the source: literals, arrays of literals, a literal's bytes or chars, constants. */
    private static boolean constant(ClassInfo c, Expression e) {
        if (e instanceof StringLiteralExpr s) {
            return !s.asString().isEmpty();
        }
        if (e instanceof LiteralExpr) {
            return true;
        }
        if (e instanceof UnaryExpr u) {
            return constant(c, u.getExpression());
        }
        if (e instanceof ArrayInitializerExpr a) {
            return !a.getValues().isEmpty() && a.getValues().stream().allMatch(v -> constant(c, v));
        }
        if (e instanceof ArrayCreationExpr a) {
            return a.getInitializer().map(i -> constant(c, i)).orElse(false);
        }
        if (e instanceof MethodCallExpr mc && BYTES.contains(mc.getNameAsString()) && mc.getScope().isPresent()) {
            return constant(c, mc.getScope().get());
        }
        if (e instanceof com.github.javaparser.ast.expr.CastExpr cast) {
            return constant(c, cast.getExpression());
        }
        Expression init = finalFieldInit(c, e);
        return init != null && constant(c, init);
    }

    private static Expression finalFieldInit(ClassInfo c, Expression e) {
        String name = simpleName(e);
        if (name == null) {
            return null;
        }
        FieldDeclaration f = c.fields().get(name);
        if (f == null || !f.isFinal() || !f.isStatic()) {
            return null;
        }
        for (VariableDeclarator v : f.getVariables()) {
            if (v.getNameAsString().equals(name)) {
                return v.getInitializer().orElse(null);
            }
        }
        return null;
    }

    private static String label(Node n) {
        String text = n.toString().replaceAll("\\s+", " ");
        if (n instanceof MethodCallExpr || n instanceof ObjectCreationExpr) {
            return text.length() > 120 ? text.substring(0, 117) + "..." : text;
        }
        return text;
    }
}
