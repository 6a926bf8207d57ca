package io.watchkeeper.codescanner.taint;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.*;
import com.github.javaparser.ast.stmt.*;
import io.watchkeeper.codescanner.taint.JavaProject.ClassInfo;
import io.watchkeeper.codescanner.taint.Summaries.Hit;
import io.watchkeeper.codescanner.taint.Summaries.Summary;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Abstract interpretation of one method body over {@link Taint}: statements in order, both branches
 * of a condition merged (a branch a compile-time constant makes dead is skipped; a validator such as
 * {@code ALLOWED.contains(x)} makes {@code x} safe where it held), loops run twice, calls into the
 * project applied through their {@link Summary}, library calls judged by the {@link TaintModel}
 * (source, sanitiser, sink, otherwise propagation from receiver and arguments). Over 400 lines
 * because it is one interpreter: statement and expression cases share the state.
 */
final class MethodAnalyzer {

    private static final Set<String> CLEAN_TYPES = Set.of("int", "long", "short", "byte", "double", "float", "boolean",
            "char", "Integer", "Long", "Short", "Byte", "Double", "Float", "Boolean", "BigDecimal", "BigInteger", "UUID",
            "LocalDate", "LocalDateTime", "Instant", "OffsetDateTime", "ZonedDateTime", "Duration", "void");
    private static final Set<String> TRACKED_COLLECTIONS = Set.of("ArrayList", "LinkedList", "HashMap", "LinkedHashMap",
            "TreeMap", "ArrayDeque", "Vector", "Hashtable", "Properties", "ConcurrentHashMap");

    private final Summaries ctx;
    private final ClassInfo owner;
    private final CallableDeclaration<?> method;
    private final int depth;
    private final String where;
    private Env env = new Env();
    private final Map<String, String> localTypes = new HashMap<>();
    private final Map<String, String> origins = new HashMap<>();
    private final Set<String> locals = new HashSet<>();
    private final List<Hit> hits = new ArrayList<>();
    private Taint returns = Taint.CLEAN;
    private Taint yields = Taint.CLEAN;
    private Env exitEnv;
    private Map<String, Taint> lastCtorWrites;

    MethodAnalyzer(Summaries ctx, ClassInfo owner, CallableDeclaration<?> method, int depth) {
        this.ctx = ctx;
        this.owner = owner;
        this.method = method;
        this.depth = depth;
        this.where = owner.fqn() + "#" + method.getNameAsString();
    }

    Summary run() {
        NodeList<Parameter> params = method.getParameters();
        for (int i = 0; i < params.size(); i++) {
            Parameter p = params.get(i);
            String name = p.getNameAsString();
            locals.add(name);
            localTypes.put(name, JavaProject.written(p.getType()));
            env.set(name, cleanType(JavaProject.written(p.getType())) ? Taint.CLEAN : Taint.symbolic(new Taint.Param(i)));
        }
        BlockStmt body = method instanceof MethodDeclaration md ? md.getBody().orElse(null)
                : method instanceof ConstructorDeclaration cd ? cd.getBody() : null;
        if (body == null) {
            return Summary.EMPTY;
        }
        if (stmt(body)) {
            exitEnv = Env.merge(exitEnv, env, this::missing);
        }
        Map<String, Taint> writes = new HashMap<>();
        if (exitEnv != null) {
            exitEnv.vals.forEach((k, v) -> {
                if (k.startsWith("this.")) {
                    writes.put(k.substring(5), exitEnv.get(k));
                }
            });
        }
        Taint r = method instanceof MethodDeclaration md && cleanType(JavaProject.written(md.getType())) ? Taint.CLEAN : returns;
        return new Summary(r, writes, List.copyOf(hits));
    }

    // ---------------------------------------------------------------- statements

    /** Runs a statement on {@link #env}; false when it cannot complete normally (return, throw, break). */
    private boolean stmt(Statement s) {
        ctx.tick();
        switch (s) {
            case BlockStmt b -> {
                for (Statement x : b.getStatements()) {
                    if (!stmt(x)) {
                        return false;
                    }
                }
                return true;
            }
            case ExpressionStmt e -> {
                eval(e.getExpression());
                return true;
            }
            case IfStmt i -> {
                return ifStmt(i);
            }
            case WhileStmt w -> {
                if (Boolean.FALSE.equals(constBool(w.getCondition()))) {
                    return true;
                }
                eval(w.getCondition());
                loop(w.getBody());
                return true;
            }
            case DoStmt d -> {
                loop(d.getBody());
                eval(d.getCondition());
                return true;
            }
            case ForStmt f -> {
                f.getInitialization().forEach(this::eval);
                if (f.getCompare().isPresent() && Boolean.FALSE.equals(constBool(f.getCompare().get()))) {
                    return true;
                }
                f.getCompare().ifPresent(this::eval);
                loop(new BlockStmt(NodeList.nodeList(f.getBody(), new ExpressionStmt(new BooleanLiteralExpr(true)))));
                f.getUpdate().forEach(this::eval);
                return true;
            }
            case ForEachStmt f -> {
                Taint it = eval(f.getIterable());
                for (VariableDeclarator v : f.getVariable().getVariables()) {
                    declare(v.getNameAsString(), JavaProject.written(v.getType()));
                    env.set(v.getNameAsString(), cleanType(localTypes.get(v.getNameAsString())) ? Taint.CLEAN : it);
                }
                loop(f.getBody());
                return true;
            }
            case TryStmt t -> {
                return tryStmt(t);
            }
            case SwitchStmt sw -> {
                eval(sw.getSelector());
                Env before = env.copy();
                Env acc = null;
                boolean hasDefault = false;
                for (SwitchEntry entry : sw.getEntries()) {
                    hasDefault |= entry.isDefault();
                    env = before.copy();
                    for (Statement x : entry.getStatements()) {
                        if (!stmt(x)) {
                            break;
                        }
                    }
                    acc = Env.merge(acc, env, this::missing);
                }
                env = hasDefault && acc != null ? acc : Env.merge(acc, before, this::missing);
                return true;
            }
            case ReturnStmt r -> {
                if (r.getExpression().isPresent()) {
                    returns = returns.union(eval(r.getExpression().get()).via(step(r, "returned")));
                }
                exitEnv = Env.merge(exitEnv, env.copy(), this::missing);
                return false;
            }
            case ThrowStmt t -> {
                eval(t.getExpression());
                return false;
            }
            case BreakStmt b -> {
                return false;
            }
            case ContinueStmt c -> {
                return false;
            }
            case YieldStmt y -> {
                yields = yields.union(eval(y.getExpression()));
                return false;
            }
            case SynchronizedStmt sy -> {
                eval(sy.getExpression());
                return stmt(sy.getBody());
            }
            case LabeledStmt l -> {
                return stmt(l.getStatement());
            }
            case ExplicitConstructorInvocationStmt c -> {
                c.getArguments().forEach(this::eval);
                return true;
            }
            default -> {
                return true; // local classes, asserts, empty statements
            }
        }
    }

    private boolean ifStmt(IfStmt i) {
        Boolean c = constBool(i.getCondition());
        if (Boolean.TRUE.equals(c)) {
            return stmt(i.getThenStmt());
        }
        if (Boolean.FALSE.equals(c)) {
            return i.getElseStmt().map(this::stmt).orElse(true);
        }
        eval(i.getCondition());
        Validation v = validation(i.getCondition());
        Env before = env.copy();
        v.ifTrue().forEach(k -> env.set(k, Taint.CLEAN));
        boolean thenNormal = stmt(i.getThenStmt());
        Env thenEnv = env;
        env = before.copy();
        v.ifFalse().forEach(k -> env.set(k, Taint.CLEAN));
        boolean elseNormal = i.getElseStmt().map(this::stmt).orElse(true);
        Env elseEnv = env;
        if (thenNormal || elseNormal) {
            env = Env.merge(thenNormal ? thenEnv : null, elseNormal ? elseEnv : null, this::missing);
        } else {
            env = before;
        }
        return thenNormal || elseNormal;
    }

    private void loop(Statement body) {
        for (int round = 0; round < 2; round++) {
            Env before = env.copy();
            stmt(body);
            env = Env.merge(before, env, this::missing);
        }
    }

    private boolean tryStmt(TryStmt t) {
        t.getResources().forEach(this::eval);
        Env before = env.copy();
        boolean normal = stmt(t.getTryBlock());
        Env acc = normal ? env : null;
        Env caught = Env.merge(before, env, this::missing);
        for (CatchClause c : t.getCatchClauses()) {
            env = caught.copy();
            declare(c.getParameter().getNameAsString(), "Exception");
            env.set(c.getParameter().getNameAsString(), Taint.CLEAN);
            if (stmt(c.getBody())) {
                acc = Env.merge(acc, env, this::missing);
                normal = true;
            }
        }
        env = acc == null ? caught : acc;
        if (t.getFinallyBlock().isPresent()) {
            normal &= stmt(t.getFinallyBlock().get());
        }
        return normal;
    }

    // ---------------------------------------------------------------- expressions

    private Taint eval(Expression e) {
        switch (e) {
            case LiteralExpr l -> {
                return Taint.CLEAN;
            }
            case NameExpr n -> {
                return readName(n.getNameAsString());
            }
            case FieldAccessExpr f -> {
                return readField(f);
            }
            case ArrayAccessExpr a -> {
                eval(a.getIndex());
                return eval(a.getName());
            }
            case AssignExpr a -> {
                Taint v = eval(a.getValue());
                if (a.getOperator() != AssignExpr.Operator.ASSIGN) {
                    v = v.union(eval(a.getTarget()));
                }
                assign(a.getTarget(), v, a.getValue());
                return v;
            }
            case VariableDeclarationExpr d -> {
                for (VariableDeclarator v : d.getVariables()) {
                    String type = JavaProject.written(v.getType());
                    if ("var".equals(type)) {
                        type = v.getInitializer().map(this::typeOf).orElse(null);
                    }
                    declare(v.getNameAsString(), type);
                    if (v.getInitializer().isPresent()) {
                        assignLocal(v.getNameAsString(), eval(v.getInitializer().get()), v.getInitializer().get(), v);
                    } else {
                        env.set(v.getNameAsString(), Taint.CLEAN);
                    }
                }
                return Taint.CLEAN;
            }
            case BinaryExpr b -> {
                Taint l = eval(b.getLeft());
                Taint r = eval(b.getRight());
                if (b.getOperator() != BinaryExpr.Operator.PLUS) {
                    return Taint.CLEAN; // comparisons, arithmetic, logic: numbers and booleans
                }
                return safePrefix(b, l.union(r));
            }
            case UnaryExpr u -> {
                eval(u.getExpression());
                return Taint.CLEAN;
            }
            case ConditionalExpr c -> {
                Boolean k = constBool(c.getCondition());
                if (k != null) {
                    return eval(k ? c.getThenExpr() : c.getElseExpr());
                }
                eval(c.getCondition());
                Validation v = validation(c.getCondition());
                return withClean(v.ifTrue(), c.getThenExpr()).union(withClean(v.ifFalse(), c.getElseExpr()));
            }
            case EnclosedExpr en -> {
                return eval(en.getInner());
            }
            case CastExpr c -> {
                Taint t = eval(c.getExpression());
                return cleanType(JavaProject.written(c.getType())) ? Taint.CLEAN : t;
            }
            case InstanceOfExpr i -> {
                Taint t = eval(i.getExpression());
                i.getPattern().ifPresent(p -> {
                    if (p instanceof TypePatternExpr tp) {
                        declare(tp.getNameAsString(), JavaProject.written(tp.getType()));
                        env.set(tp.getNameAsString(), t);
                    }
                });
                return Taint.CLEAN;
            }
            case MethodCallExpr m -> {
                return call(m);
            }
            case ObjectCreationExpr o -> {
                return construct(o);
            }
            case ArrayCreationExpr a -> {
                a.getLevels().forEach(l -> l.getDimension().ifPresent(this::eval));
                return a.getInitializer().map(this::eval).orElse(Taint.CLEAN);
            }
            case ArrayInitializerExpr a -> {
                Taint t = Taint.CLEAN;
                for (Expression x : a.getValues()) {
                    t = t.union(eval(x));
                }
                return t;
            }
            case LambdaExpr l -> {
                return lambda(l, Taint.CLEAN);
            }
            case SwitchExpr s -> {
                eval(s.getSelector());
                Env before = env.copy();
                Env acc = null;
                Taint saved = yields;
                yields = Taint.CLEAN;
                for (SwitchEntry entry : s.getEntries()) {
                    env = before.copy();
                    for (Statement x : entry.getStatements()) {
                        if (x instanceof ExpressionStmt es && entry.getType() == SwitchEntry.Type.EXPRESSION) {
                            yields = yields.union(eval(es.getExpression()));
                        } else if (!stmt(x)) {
                            break;
                        }
                    }
                    acc = Env.merge(acc, env, this::missing);
                }
                env = acc == null ? before : acc;
                Taint out = yields;
                yields = saved;
                return out;
            }
            default -> {
                return Taint.CLEAN; // this, super, class literals, method references, type expressions
            }
        }
    }

    private Taint withClean(Set<String> keys, Expression e) {
        if (keys.isEmpty()) {
            return eval(e);
        }
        Map<String, Taint> saved = new HashMap<>();
        keys.forEach(k -> saved.put(k, env.vals.get(k)));
        keys.forEach(k -> env.set(k, Taint.CLEAN));
        Taint t = eval(e);
        saved.forEach((k, v) -> {
            if (v != null) {
                env.vals.put(k, v);
            }
        });
        return t;
    }

    private Taint lambda(LambdaExpr l, Taint params) {
        for (Parameter p : l.getParameters()) {
            declare(p.getNameAsString(), JavaProject.written(p.getType()));
            env.set(p.getNameAsString(), params);
        }
        Taint savedReturns = returns;
        Env savedExit = exitEnv;
        returns = Taint.CLEAN;
        Taint out;
        if (l.getBody() instanceof ExpressionStmt es) {
            out = eval(es.getExpression());
        } else {
            stmt(l.getBody());
            out = returns;
        }
        returns = savedReturns;
        exitEnv = savedExit;
        return out;
    }

    private Taint readName(String name) {
        if (locals.contains(name) || env.has(name)) {
            return env.get(name);
        }
        if (owner.fieldTypes().containsKey(name)) {
            return readThisField(name);
        }
        return Taint.CLEAN; // a class name, or a static import
    }

    private Taint readThisField(String f) {
        String key = "this." + f;
        if (env.has(key)) {
            return env.get(key);
        }
        return Calls.isConstant(owner, f) ? Taint.CLEAN : Taint.symbolic(new Taint.Field(f));
    }

    private Taint readField(FieldAccessExpr f) {
        Expression scope = f.getScope();
        String name = f.getNameAsString();
        if (scope instanceof ThisExpr) {
            return readThisField(name);
        }
        if (scope instanceof NameExpr n && isLocal(n.getNameAsString())) {
            String key = n.getNameAsString() + "." + name;
            if ("length".equals(name)) {
                return Taint.CLEAN;
            }
            return env.has(key) ? env.get(key) : env.has(n.getNameAsString() + ".#") ? Taint.CLEAN : env.get(n.getNameAsString());
        }
        return eval(scope);
    }

    private boolean isLocal(String name) {
        return locals.contains(name);
    }

    private void declare(String name, String type) {
        locals.add(name);
        if (type != null) {
            localTypes.put(name, type);
        } else {
            localTypes.remove(name);
        }
    }

    private void assign(Expression target, Taint v, Expression valueExpr) {
        switch (target) {
            case NameExpr n when isLocal(n.getNameAsString()) || !owner.fieldTypes().containsKey(n.getNameAsString()) ->
                    assignLocal(n.getNameAsString(), v, valueExpr, target);
            case NameExpr n -> env.set("this." + n.getNameAsString(), v.via(step(target, "stored in field " + n.getNameAsString())));
            case FieldAccessExpr f when f.getScope() instanceof ThisExpr ->
                    env.set("this." + f.getNameAsString(), v.via(step(target, "stored in field " + f.getNameAsString())));
            case FieldAccessExpr f when f.getScope() instanceof NameExpr n && isLocal(n.getNameAsString()) -> {
                Taint stored = v.via(step(target, "stored in " + n.getNameAsString() + "." + f.getNameAsString()));
                env.set(n.getNameAsString() + "." + f.getNameAsString(), stored);
                env.vals.merge(n.getNameAsString(), stored, Taint::union);
            }
            case ArrayAccessExpr a when a.getName() instanceof NameExpr n && isLocal(n.getNameAsString()) ->
                    env.vals.merge(n.getNameAsString(), v, Taint::union);
            default -> eval(target);
        }
    }

    private void assignLocal(String name, Taint v, Expression valueExpr, Node at) {
        env.vals.keySet().removeIf(k -> k.startsWith(name + "."));
        if (cleanType(localTypes.get(name))) {
            env.set(name, Taint.CLEAN);
            return;
        }
        if (valueExpr instanceof ObjectCreationExpr o && o.getArguments().isEmpty() && o.getAnonymousClassBody().isEmpty()
                && TRACKED_COLLECTIONS.contains(o.getType().getNameAsString())) {
            env.track(name);
            return;
        }
        env.set(name, v.via(step(at, "assigned to " + name)));
        origins.put(name, valueExpr instanceof MethodCallExpr m ? m.getNameAsString() : null);
        if (valueExpr instanceof ObjectCreationExpr && lastCtorWrites != null) {
            lastCtorWrites.forEach((f, w) -> env.set(name + "." + f, w));
            env.set(name + ".#", Taint.CLEAN);
        }
        lastCtorWrites = null;
    }

    /** Taint of a key absent on one side of a merge: a field's entry value, else clean. */
    private Taint missing(String key) {
        return key.startsWith("this.") ? Taint.symbolic(new Taint.Field(key.substring(5))) : Taint.CLEAN;
    }

    // ---------------------------------------------------------------- calls

    private Taint call(MethodCallExpr m) {
        String name = m.getNameAsString();
        Expression scope = m.getScope().orElse(null);
        Taint recv = scope == null ? Taint.CLEAN : eval(scope);
        Taint[] args = evalArgs(m.getArguments(), recv);
        List<Calls.Target> targets = Calls.targets(this.ctx.project, owner, localTypes, locals, scope, name, args.length, this);
        if (!targets.isEmpty()) {
            return projectCall(targets, m, scope, recv, args);
        }
        String type = receiverType(scope);
        for (TaintModel.SourceSpec s : ctx.model.sources(name)) {
            if (type != null && s.at().matches(type)) {
                return Taint.source(s.kind(), step(m, s.kind() + ": " + text(m)));
            }
        }
        for (TaintModel.SanitiserSpec s : ctx.model.sanitisers(name)) {
            if (s.at().matches(type)) {
                return s.rules().isEmpty() ? Taint.CLEAN : Taint.unionAll(List.of(args)).union(recv).clear(s.rules());
            }
        }
        for (TaintModel.SinkSpec s : ctx.model.sinks(name)) {
            if (sinkMatches(s, type, scope)) {
                checkSink(s, type, name, m.getArguments(), args, m);
            }
        }
        if (ctx.model.notPropagating(name)) {
            return Taint.CLEAN;
        }
        if (ctx.model.receiverOnly(name) && !typeReference(scope)) {
            return element(scope, name, m.getArguments(), recv);
        }
        Taint all = recv.union(Taint.unionAll(List.of(args)));
        if (ctx.model.mutator(name) && scope != null && args.length > 0) {
            mutate(scope, name, m.getArguments(), args);
        }
        return all;
    }

    /** Whether a call's scope names a class (a static call such as {@code Paths.get}). */
    private boolean typeReference(Expression scope) {
        return scope instanceof NameExpr n && !isLocal(n.getNameAsString()) && !owner.fieldTypes().containsKey(n.getNameAsString())
                && Character.isUpperCase(n.getNameAsString().charAt(0));
    }

    private Taint[] evalArgs(NodeList<Expression> list, Taint recv) {
        Taint[] args = new Taint[list.size()];
        Taint others = Taint.CLEAN;
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof LambdaExpr)) {
                args[i] = eval(list.get(i));
                others = others.union(args[i]);
            }
        }
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) instanceof LambdaExpr l) {
                args[i] = lambda(l, recv.union(others));
            }
        }
        return args;
    }

    /** A collection lookup: the element with a constant key when elements are tracked, else the whole. */
    private Taint element(Expression scope, String name, NodeList<Expression> argExprs, Taint recv) {
        if (scope instanceof NameExpr n && env.elems.containsKey(n.getNameAsString()) && argExprs.size() == 1
                && ("get".equals(name) || "getOrDefault".equals(name))) {
            String key = constantKey(argExprs.get(0));
            if (key != null) {
                Taint e = env.elems.get(n.getNameAsString()).byKey.getOrDefault(key, Taint.CLEAN);
                return e.union(env.vals.getOrDefault(n.getNameAsString(), Taint.CLEAN));
            }
        }
        return recv;
    }

    private void mutate(Expression scope, String name, NodeList<Expression> argExprs, Taint[] args) {
        Expression root = scope;
        while (root instanceof MethodCallExpr mc && mc.getScope().isPresent() && ctx.model.mutator(mc.getNameAsString())) {
            root = mc.getScope().get();
        }
        Taint all = Taint.unionAll(List.of(args));
        if (root instanceof NameExpr n && isLocal(n.getNameAsString())) {
            String v = n.getNameAsString();
            Env.Elems elems = env.elems.get(v);
            if (elems != null && root == scope && "add".equals(name) && args.length == 1) {
                elems.byKey.put(String.valueOf(elems.size++), args[0]);
            } else if (elems != null && root == scope && "put".equals(name) && args.length == 2 && constantKey(argExprs.get(0)) != null) {
                elems.byKey.put(constantKey(argExprs.get(0)), args[1]);
            } else if (!all.clean()) {
                env.vals.merge(v, all, Taint::union);
            }
        } else if (!all.clean()) {
            String field = root instanceof NameExpr n && owner.fieldTypes().containsKey(n.getNameAsString()) ? n.getNameAsString()
                    : root instanceof FieldAccessExpr f && f.getScope() instanceof ThisExpr ? f.getNameAsString() : null;
            if (field != null) {
                env.set("this." + field, readThisField(field).union(all));
            }
        }
    }

    private static String constantKey(Expression e) {
        return switch (e) {
            case StringLiteralExpr s -> "s:" + s.getValue();
            case IntegerLiteralExpr i -> i.getValue();
            default -> null;
        };
    }

    private Taint projectCall(List<Calls.Target> targets, MethodCallExpr m, Expression scope, Taint recv, Taint[] args) {
        Taint out = Taint.CLEAN;
        Taint.Step at = step(m, "calls " + m.getNameAsString() + "(…)");
        for (Calls.Target t : targets) {
            Summary s = ctx.of(t.owner(), t.decl(), depth + 1);
            java.util.function.Function<Taint.Origin, Taint> binding = o -> switch (o) {
                case Taint.Param p -> Calls.param(t.decl(), args, p.index());
                case Taint.Field f -> receiverField(scope, f.name(), recv);
                case Taint.Receiver r -> recv;
                case Taint.Source src -> Taint.CLEAN;
            };
            out = out.union(s.returns().bind(binding, at));
            for (Hit h : s.hits()) {
                Taint b = h.taint().bind(binding, at, false);
                if (!b.clean()) {
                    hits.add(h.with(b));
                }
            }
            for (Map.Entry<String, Taint> w : s.fieldWrites().entrySet()) {
                Taint bound = w.getValue().bind(binding, at);
                if (scope == null || scope instanceof ThisExpr) {
                    env.set("this." + w.getKey(), targets.size() == 1 ? bound : readThisField(w.getKey()).union(bound));
                } else if (scope instanceof NameExpr n && isLocal(n.getNameAsString())) {
                    env.set(n.getNameAsString() + "." + w.getKey(), bound);
                    env.vals.merge(n.getNameAsString(), bound, Taint::union);
                }
            }
        }
        return out;
    }

    private Taint receiverField(Expression scope, String f, Taint recv) {
        if (scope == null || scope instanceof ThisExpr) {
            return readThisField(f);
        }
        if (scope instanceof NameExpr n && isLocal(n.getNameAsString())) {
            String v = n.getNameAsString();
            return env.has(v + "." + f) ? env.get(v + "." + f) : env.has(v + ".#") ? Taint.CLEAN : env.get(v);
        }
        return recv;
    }

    private Taint construct(ObjectCreationExpr o) {
        lastCtorWrites = null;
        o.getScope().ifPresent(this::eval);
        Taint[] args = evalArgs(o.getArguments(), Taint.CLEAN);
        String type = ctx.project.qualify(owner, JavaProject.written(o.getType()));
        ClassInfo c = o.getAnonymousClassBody().isPresent() ? null : ctx.project.find(type);
        if (c != null) {
            return Calls.construct(this, c, o, args, depth, hits, w -> lastCtorWrites = w);
        }
        for (TaintModel.SanitiserSpec s : ctx.model.sanitisers("<init>")) {
            if (s.at().matches(type)) {
                return s.rules().isEmpty() ? Taint.CLEAN : Taint.unionAll(List.of(args)).clear(s.rules());
            }
        }
        for (TaintModel.SinkSpec s : ctx.model.sinks("<init>")) {
            if (s.at().matches(type)) {
                checkSink(s, type, "<init>", o.getArguments(), args, o);
            }
        }
        return Taint.unionAll(List.of(args));
    }

    Summaries context() {
        return ctx;
    }

    ClassInfo owner() {
        return owner;
    }

    // ---------------------------------------------------------------- sinks

    private boolean sinkMatches(TaintModel.SinkSpec s, String type, Expression scope) {
        if (!s.receiverFrom().isEmpty()) {
            boolean from = scope instanceof MethodCallExpr mc && s.receiverFrom().contains(mc.getNameAsString())
                    || scope instanceof NameExpr n && origins.get(n.getNameAsString()) != null
                            && s.receiverFrom().contains(origins.get(n.getNameAsString()));
            return from && (type == null || s.at().matches(type) || !TaintModel.qualified(type));
        }
        return s.at().matches(type);
    }

    private void checkSink(TaintModel.SinkSpec s, String type, String name, NodeList<Expression> argExprs, Taint[] args, Node at) {
        for (int i = 0; i < args.length; i++) {
            if (!s.args().isEmpty() && !s.args().contains(i)) {
                continue;
            }
            if (!s.argTypes().isEmpty() && !argTypeMatches(s.argTypes(), argExprs.get(i))) {
                continue;
            }
            List<Taint.Trace> live = args[i].liveFor(s.rule().id());
            if (live.isEmpty()) {
                continue;
            }
            String label = "reaches " + simple(type) + ("<init>".equals(name) ? "" : "." + name) + "(…)";
            Taint.Step sink = step(at, label);
            hits.add(new Hit(s.rule(), sink, new Taint(live).via(sink), where));
        }
    }

    private boolean argTypeMatches(Set<String> types, Expression arg) {
        String t = typeOf(arg);
        if (t == null) {
            return !(arg instanceof MethodCallExpr mc && mc.getNameAsString().matches(".*(Stream|Reader|Writer)"));
        }
        return types.contains(t) || types.contains(simple(t));
    }

    /** Clears traces for rules whose safe prefix the concatenation starts with (a fixed scheme and host). */
    private Taint safePrefix(BinaryExpr b, Taint t) {
        if (t.clean()) {
            return t;
        }
        String prefix = constantPrefix(b);
        if (prefix == null) {
            return t;
        }
        Set<String> safe = new HashSet<>();
        for (TaintModel.Rule r : ctx.model.rules().values()) {
            if (r.safePrefix() != null && r.safePrefix().matcher(prefix).find()) {
                safe.add(r.id());
            }
        }
        return safe.isEmpty() ? t : t.clear(safe);
    }

    private String constantPrefix(Expression e) {
        while (e instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.PLUS) {
            e = b.getLeft();
        }
        if (e instanceof EnclosedExpr en) {
            return constantPrefix(en.getInner());
        }
        if (e instanceof StringLiteralExpr s) {
            return s.asString();
        }
        if (e instanceof NameExpr n && !isLocal(n.getNameAsString())) {
            return Calls.constantString(owner, n.getNameAsString());
        }
        return null;
    }

    // ---------------------------------------------------------------- conditions

    /** Variables a condition proves safe when it holds ({@code ifTrue}) or fails ({@code ifFalse}). */
    record Validation(Set<String> ifTrue, Set<String> ifFalse) {
        static final Validation NONE = new Validation(Set.of(), Set.of());
    }

    private Validation validation(Expression c) {
        switch (c) {
            case EnclosedExpr e -> {
                return validation(e.getInner());
            }
            case UnaryExpr u when u.getOperator() == UnaryExpr.Operator.LOGICAL_COMPLEMENT -> {
                Validation v = validation(u.getExpression());
                return new Validation(v.ifFalse(), v.ifTrue());
            }
            case BinaryExpr b when b.getOperator() == BinaryExpr.Operator.AND -> {
                Validation l = validation(b.getLeft());
                Validation r = validation(b.getRight());
                Set<String> t = new HashSet<>(l.ifTrue());
                t.addAll(r.ifTrue());
                return new Validation(t, Set.of());
            }
            case BinaryExpr b when b.getOperator() == BinaryExpr.Operator.OR -> {
                Validation l = validation(b.getLeft());
                Validation r = validation(b.getRight());
                Set<String> f = new HashSet<>(l.ifFalse());
                f.addAll(r.ifFalse());
                return new Validation(Set.of(), f);
            }
            case MethodCallExpr m when ctx.model.validator(m.getNameAsString()) && m.getScope().isPresent() -> {
                Expression scope = m.getScope().get();
                String scopeVar = varKey(scope);
                boolean argsConstant = m.getArguments().stream().allMatch(this::cleanWithoutEffects);
                if (scopeVar != null && argsConstant && !m.getArguments().isEmpty()) {
                    return new Validation(Set.of(scopeVar), Set.of());
                }
                if (m.getArguments().size() == 1 && cleanWithoutEffects(scope)) {
                    String argVar = varKey(m.getArguments().get(0));
                    if (argVar != null) {
                        return new Validation(Set.of(argVar), Set.of());
                    }
                }
                return Validation.NONE;
            }
            case MethodCallExpr m when m.getArguments().size() == 1 && varKey(m.getArguments().get(0)) != null -> {
                // a boolean method of the project that checks its parameter with a validator (isSafeName(x))
                List<Calls.Target> ts = Calls.targets(ctx.project, owner, localTypes, locals, m.getScope().orElse(null),
                        m.getNameAsString(), 1, this);
                return ts.size() == 1 && Calls.validates(ctx.model, ts.getFirst().decl())
                        ? new Validation(Set.of(varKey(m.getArguments().get(0))), Set.of()) : Validation.NONE;
            }
            default -> {
                return Validation.NONE;
            }
        }
    }

    private String varKey(Expression e) {
        if (e instanceof NameExpr n && isLocal(n.getNameAsString())) {
            return n.getNameAsString();
        }
        if (e instanceof FieldAccessExpr f && f.getScope() instanceof ThisExpr) {
            return "this." + f.getNameAsString();
        }
        return null;
    }

    /** Whether an expression is clean without evaluating calls again: literals, constants, clean variables. */
    private boolean cleanWithoutEffects(Expression e) {
        return switch (e) {
            case LiteralExpr l -> true;
            case NameExpr n -> isLocal(n.getNameAsString()) ? env.get(n.getNameAsString()).clean()
                    : !owner.fieldTypes().containsKey(n.getNameAsString()) || Calls.isStaticFinal(owner, n.getNameAsString())
                    || readThisField(n.getNameAsString()).traces().stream().noneMatch(Taint.Trace::concrete)
                            && !env.has("this." + n.getNameAsString());
            case FieldAccessExpr f -> !(f.getScope() instanceof NameExpr n && isLocal(n.getNameAsString()));
            case MethodCallExpr m -> m.getScope().map(this::cleanWithoutEffects).orElse(true)
                    && ("of".equals(m.getNameAsString()) || "asList".equals(m.getNameAsString()) || "compile".equals(m.getNameAsString()))
                    && m.getArguments().stream().allMatch(this::cleanWithoutEffects);
            default -> false;
        };
    }

    private Boolean constBool(Expression e) {
        return switch (e) {
            case BooleanLiteralExpr b -> b.getValue();
            case EnclosedExpr en -> constBool(en.getInner());
            case UnaryExpr u when u.getOperator() == UnaryExpr.Operator.LOGICAL_COMPLEMENT -> {
                Boolean v = constBool(u.getExpression());
                yield v == null ? null : !v;
            }
            case BinaryExpr b when b.getOperator() == BinaryExpr.Operator.AND || b.getOperator() == BinaryExpr.Operator.OR -> {
                Boolean l = constBool(b.getLeft());
                Boolean r = constBool(b.getRight());
                boolean and = b.getOperator() == BinaryExpr.Operator.AND;
                if (l != null && r != null) {
                    yield and ? l && r : l || r;
                }
                if (and && (Boolean.FALSE.equals(l) || Boolean.FALSE.equals(r))) {
                    yield false;
                }
                if (!and && (Boolean.TRUE.equals(l) || Boolean.TRUE.equals(r))) {
                    yield true;
                }
                yield null;
            }
            case NameExpr n when !isLocal(n.getNameAsString()) -> Calls.constantBoolean(ctx.project, owner, null, n.getNameAsString());
            case FieldAccessExpr f when f.getScope() instanceof NameExpr n && !isLocal(n.getNameAsString()) ->
                    Calls.constantBoolean(ctx.project, owner, n.getNameAsString(), f.getNameAsString());
            default -> null;
        };
    }

    // ---------------------------------------------------------------- types and steps

    /** The type of a call's receiver, fully qualified where it can be told, else as written; null when unknown. */
    String receiverType(Expression scope) {
        return scope == null ? null : typeOf(scope);
    }

    String typeOf(Expression e) {
        return switch (e) {
            case NameExpr n when isLocal(n.getNameAsString()) -> qualify(localTypes.get(n.getNameAsString()));
            case NameExpr n when owner.fieldTypes().containsKey(n.getNameAsString()) ->
                    qualify(JavaProject.written(owner.fieldTypes().get(n.getNameAsString())));
            case NameExpr n when Character.isUpperCase(n.getNameAsString().charAt(0)) -> qualify(n.getNameAsString());
            case FieldAccessExpr f when f.getScope() instanceof ThisExpr && owner.fieldTypes().containsKey(f.getNameAsString()) ->
                    qualify(JavaProject.written(owner.fieldTypes().get(f.getNameAsString())));
            case ObjectCreationExpr o -> qualify(JavaProject.written(o.getType()));
            case CastExpr c -> qualify(JavaProject.written(c.getType()));
            case EnclosedExpr en -> typeOf(en.getInner());
            case StringLiteralExpr s -> "java.lang.String";
            case TextBlockLiteralExpr s -> "java.lang.String";
            case BinaryExpr b when b.getOperator() == BinaryExpr.Operator.PLUS -> {
                String l = typeOf(b.getLeft());
                yield "java.lang.String".equals(l) || "java.lang.String".equals(typeOf(b.getRight())) ? "java.lang.String" : null;
            }
            case MethodCallExpr m -> {
                String t = Calls.returnType(this, m);
                yield t != null ? t : ctx.project.solvedType(m);
            }
            case FieldAccessExpr f -> {
                String text = f.toString();
                yield text.length() < 200 && text.matches("[a-z][\\w]*(\\.[\\w]+)+") ? text : ctx.project.solvedType(f);
            }
            default -> null;
        };
    }

    String qualify(String written) {
        return written == null ? null : ctx.project.qualify(owner, written);
    }

    static boolean cleanType(String type) {
        if (type == null) {
            return false;
        }
        return CLEAN_TYPES.contains(type.substring(type.lastIndexOf('.') + 1));
    }

    private static String simple(String type) {
        if (type == null) {
            return "?";
        }
        String t = type;
        int i = t.lastIndexOf('.');
        while (i > 0 && i + 1 < t.length() && Character.isUpperCase(t.charAt(i + 1))) {
            int j = t.lastIndexOf('.', i - 1);
            if (j < 0 || !Character.isUpperCase(t.charAt(j + 1))) {
                break;
            }
            i = j;
        }
        return t.substring(i + 1);
    }

    Taint.Step step(Node n, String label) {
        return new Taint.Step(owner.path(), n.getBegin().map(p -> p.line).orElse(0), label);
    }

    /** A node's source text on one line, at most 80 characters, without control characters. */
    static String text(Node n) {
        int lines = n.getRange().map(r -> r.end.line - r.begin.line).orElse(0);
        String s = lines > 4 ? n.getClass().getSimpleName() : n.toString();
        StringBuilder b = new StringBuilder(Math.min(s.length(), 90));
        boolean space = false;
        for (int i = 0; i < s.length() && b.length() < 80; i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                space = true;
                continue;
            }
            if (space && !b.isEmpty()) {
                b.append(' ');
            }
            space = false;
            b.append(Character.getType(c) == Character.FORMAT ? '?' : c);
        }
        return b.length() >= 80 ? b + "…" : b.toString();
    }
}
