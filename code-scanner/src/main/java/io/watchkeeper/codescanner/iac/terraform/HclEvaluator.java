package io.watchkeeper.codescanner.iac.terraform;

import io.watchkeeper.codescanner.iac.Value;
import io.watchkeeper.codescanner.iac.Values;
import io.watchkeeper.codescanner.iac.hcl.Expr;
import io.watchkeeper.core.json.Json;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Static evaluation of Terraform expressions: literals, templates, operators, conditionals with a
 * known condition, a few pure functions (jsonencode, jsondecode, merge, concat, lower, upper,
 * tostring, tolist, toset, tomap, coalesce, lookup, join, length, format with %s), and traversals
 * that {@code roots} resolves ({@code var.*}, {@code local.*}, policy-document data sources).
 * Everything else is {@link Value.Unknown} carrying the traversal's text, so references between
 * resources stay visible ({@code aws_s3_bucket.logs.id}).
 */
final class HclEvaluator {

    /** Resolves a traversal's root and first step ({@code var.name}) to a value, or null when unknown. */
    interface Roots {
        Value resolve(String root, String first);
    }

    private static final int MAX_DEPTH = 64;

    private final Roots roots;
    private int depth;

    HclEvaluator(Roots roots) {
        this.roots = roots;
    }

    Value eval(Expr e) {
        if (++depth > MAX_DEPTH) {
            depth--;
            return Value.unknown("nested too deeply");
        }
        try {
            return switch (e) {
                case Expr.Literal l -> l.value();
                case Expr.Template t -> template(t);
                case Expr.Variable v -> traversal(e);
                case Expr.GetAttr g -> traversal(e);
                case Expr.Index i -> traversal(e);
                case Expr.Splat s -> Value.unknown(text(s));
                case Expr.Call c -> call(c);
                case Expr.ListExpr l -> new Value.Lst(l.items().stream().map(this::eval).toList());
                case Expr.ObjectExpr o -> object(o);
                case Expr.Conditional c -> conditional(c);
                case Expr.Binary b -> binary(b);
                case Expr.Unary u -> unary(u);
                case Expr.Unsupported u -> Value.unknown(u.what());
            };
        } finally {
            depth--;
        }
    }

    private Value template(Expr.Template t) {
        StringBuilder b = new StringBuilder();
        for (Expr part : t.parts()) {
            Value v = eval(part);
            String s = Value.text(v);
            if (s == null) {
                return v instanceof Value.Unknown u ? u : Value.unknown(text(t));
            }
            b.append(s);
        }
        return Value.str(b.toString());
    }

    private Value object(Expr.ObjectExpr o) {
        Map<String, Value> fields = new LinkedHashMap<>();
        for (Expr.Entry entry : o.entries()) {
            String key = Value.text(eval(entry.key()));
            if (key == null) {
                return Value.unknown("object with a computed key");
            }
            fields.put(key, eval(entry.value()));
        }
        return new Value.Obj(fields);
    }

    private Value conditional(Expr.Conditional c) {
        Value cond = eval(c.condition());
        if (cond instanceof Value.Bool b) {
            return eval(b.value() ? c.whenTrue() : c.whenFalse());
        }
        Value yes = eval(c.whenTrue());
        Value no = eval(c.whenFalse());
        return yes.known() && yes.equals(no) ? yes : Value.unknown(text(c.condition()) + " ? ... : ...");
    }

    private Value unary(Expr.Unary u) {
        Value v = eval(u.operand());
        if ("!".equals(u.op()) && v instanceof Value.Bool b) {
            return Value.bool(!b.value());
        }
        if ("-".equals(u.op()) && v instanceof Value.Num n) {
            return new Value.Num(n.value().negate());
        }
        return Value.unknown(u.op() + "(...)");
    }

    private Value binary(Expr.Binary b) {
        Value l = eval(b.left());
        // short-circuit like Terraform would when one side decides
        if ("&&".equals(b.op()) && l instanceof Value.Bool x && !x.value()) {
            return Value.bool(false);
        }
        if ("||".equals(b.op()) && l instanceof Value.Bool x && x.value()) {
            return Value.bool(true);
        }
        Value r = eval(b.right());
        if (!l.known() || !r.known()) {
            return Value.unknown("(... " + b.op() + " ...)");
        }
        switch (b.op()) {
            case "==" -> {
                return Value.bool(same(l, r));
            }
            case "!=" -> {
                return Value.bool(!same(l, r));
            }
            case "&&", "||" -> {
                if (l instanceof Value.Bool x && r instanceof Value.Bool y) {
                    return Value.bool("&&".equals(b.op()) ? x.value() && y.value() : x.value() || y.value());
                }
                return Value.unknown("bad operands");
            }
            default -> {
                BigDecimal x = number(l);
                BigDecimal y = number(r);
                if (x == null || y == null) {
                    return Value.unknown("bad operands");
                }
                return switch (b.op()) {
                    case "+" -> new Value.Num(x.add(y));
                    case "-" -> new Value.Num(x.subtract(y));
                    case "*" -> new Value.Num(x.multiply(y));
                    case "/" -> y.signum() == 0 ? Value.unknown("division by zero") : new Value.Num(x.divide(y, MathContext.DECIMAL64));
                    case "%" -> y.signum() == 0 ? Value.unknown("division by zero") : new Value.Num(x.remainder(y));
                    case "<" -> Value.bool(x.compareTo(y) < 0);
                    case ">" -> Value.bool(x.compareTo(y) > 0);
                    case "<=" -> Value.bool(x.compareTo(y) <= 0);
                    case ">=" -> Value.bool(x.compareTo(y) >= 0);
                    default -> Value.unknown(b.op());
                };
            }
        }
    }

    private static boolean same(Value a, Value b) {
        BigDecimal x = number(a);
        BigDecimal y = number(b);
        if (a instanceof Value.Num && b instanceof Value.Num) {
            return x.compareTo(y) == 0;
        }
        return a.equals(b);
    }

    private static BigDecimal number(Value v) {
        if (v instanceof Value.Num n) {
            return n.value();
        }
        if (v instanceof Value.Str s) {
            try {
                return new BigDecimal(s.value().trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    // ---- traversals

    private Value traversal(Expr e) {
        List<Expr> steps = new ArrayList<>();
        Expr cur = e;
        while (!(cur instanceof Expr.Variable)) {
            steps.addFirst(cur);
            if (cur instanceof Expr.GetAttr g) {
                cur = g.target();
            } else if (cur instanceof Expr.Index i) {
                cur = i.target();
            } else {
                // a traversal on a computed value: (expr).attr, func()[0]
                return applySteps(eval(cur), steps, text(e));
            }
        }
        String root = ((Expr.Variable) cur).name();
        String first = !steps.isEmpty() && steps.getFirst() instanceof Expr.GetAttr g ? g.name() : null;
        Value base = roots.resolve(root, first);
        if (base == null) {
            return Value.unknown(text(e));
        }
        return applySteps(base, first == null ? steps : steps.subList(1, steps.size()), text(e));
    }

    private Value applySteps(Value v, List<Expr> steps, String text) {
        for (Expr step : steps) {
            if (v instanceof Value.Unknown) {
                return Value.unknown(text);
            }
            if (step instanceof Expr.GetAttr g) {
                v = v instanceof Value.Obj o && o.fields().containsKey(g.name()) ? o.get(g.name()) : Value.unknown(text);
            } else if (step instanceof Expr.Index i) {
                Value key = eval(i.key());
                if (v instanceof Value.Lst l && key instanceof Value.Num n) {
                    int k = n.value().intValue();
                    v = k >= 0 && k < l.items().size() ? l.items().get(k) : Value.unknown(text);
                } else if (v instanceof Value.Obj o && Value.text(key) != null && o.fields().containsKey(Value.text(key))) {
                    v = o.get(Value.text(key));
                } else {
                    return Value.unknown(text);
                }
            }
        }
        return v;
    }

    /** Source-like text of a traversal, for unknown values and resource references. */
    static String text(Expr e) {
        return switch (e) {
            case Expr.Variable v -> v.name();
            case Expr.GetAttr g -> text(g.target()) + "." + g.name();
            case Expr.Index i -> text(i.target()) + "[" + (i.key() instanceof Expr.Literal l && Value.text(l.value()) != null
                    ? Value.text(l.value()) : "…") + "]";
            case Expr.Splat s -> text(s.target()) + "[*]";
            case Expr.Call c -> c.name() + "(…)";
            default -> "(…)";
        };
    }

    // ---- functions

    private Value call(Expr.Call c) {
        List<Value> args = c.args().stream().map(this::eval).toList();
        String fn = c.name().toLowerCase(Locale.ROOT);
        if (fn.equals("jsonencode") && args.size() == 1) {
            // unknown leaves become markers: a policy with one computed ARN stays judgeable
            return Value.str(Json.write(Values.toJson(args.getFirst())));
        }
        if (fn.equals("try") || fn.equals("coalesce")) {
            for (Value a : args) {
                if (!a.known()) {
                    return Value.unknown(c.name() + "(…)");
                }
                if (!(a instanceof Value.Null) && !(fn.equals("coalesce") && a instanceof Value.Str s && s.value().isEmpty())) {
                    return a;
                }
            }
            return Value.unknown(c.name() + "(…)");
        }
        if (args.stream().anyMatch(a -> !a.known())) {
            return Value.unknown(c.name() + "(…)");
        }
        return switch (fn) {
            case "jsondecode" -> args.size() == 1 && args.getFirst() instanceof Value.Str s ? decode(s.value()) : unknown(c);
            case "tostring" -> args.size() == 1 && Value.text(args.getFirst()) != null ? Value.str(Value.text(args.getFirst())) : unknown(c);
            case "tonumber" -> args.size() == 1 && number(args.getFirst()) != null ? new Value.Num(number(args.getFirst())) : unknown(c);
            case "tobool" -> args.size() == 1 && args.getFirst() instanceof Value.Bool ? args.getFirst()
                    : args.size() == 1 && args.getFirst() instanceof Value.Str s && (s.value().equals("true") || s.value().equals("false"))
                    ? Value.bool(Boolean.parseBoolean(s.value())) : unknown(c);
            case "tolist", "toset", "tomap" -> args.size() == 1 ? args.getFirst() : unknown(c);
            case "lower" -> args.size() == 1 && args.getFirst() instanceof Value.Str s ? Value.str(s.value().toLowerCase(Locale.ROOT)) : unknown(c);
            case "upper" -> args.size() == 1 && args.getFirst() instanceof Value.Str s ? Value.str(s.value().toUpperCase(Locale.ROOT)) : unknown(c);
            case "concat" -> {
                List<Value> all = new ArrayList<>();
                for (Value a : args) {
                    if (!(a instanceof Value.Lst l)) {
                        yield unknown(c);
                    }
                    all.addAll(l.items());
                }
                yield new Value.Lst(all);
            }
            case "merge" -> {
                Map<String, Value> all = new LinkedHashMap<>();
                for (Value a : args) {
                    if (a instanceof Value.Obj o) {
                        all.putAll(o.fields());
                    } else if (!(a instanceof Value.Null)) {
                        yield unknown(c);
                    }
                }
                yield new Value.Obj(all);
            }
            case "lookup" -> {
                if (args.size() >= 2 && args.getFirst() instanceof Value.Obj o && Value.text(args.get(1)) != null) {
                    Value v = o.get(Value.text(args.get(1)));
                    yield v != null ? v : args.size() == 3 ? args.get(2) : unknown(c);
                }
                yield unknown(c);
            }
            case "join" -> {
                if (args.size() == 2 && args.getFirst() instanceof Value.Str sep && args.get(1) instanceof Value.Lst l) {
                    List<String> parts = new ArrayList<>();
                    for (Value i : l.items()) {
                        if (Value.text(i) == null) {
                            yield unknown(c);
                        }
                        parts.add(Value.text(i));
                    }
                    yield Value.str(String.join(sep.value(), parts));
                }
                yield unknown(c);
            }
            case "length" -> args.size() == 1 && args.getFirst() instanceof Value.Lst l ? Values.num(l.items().size())
                    : args.size() == 1 && args.getFirst() instanceof Value.Obj o ? Values.num(o.fields().size())
                    : args.size() == 1 && args.getFirst() instanceof Value.Str s ? Values.num(s.value().codePointCount(0, s.value().length()))
                    : unknown(c);
            case "format" -> format(c, args);
            default -> unknown(c);
        };
    }

    private static Value format(Expr.Call c, List<Value> args) {
        if (args.isEmpty() || !(args.getFirst() instanceof Value.Str spec)) {
            return unknown(c);
        }
        StringBuilder b = new StringBuilder();
        String f = spec.value();
        int next = 1;
        for (int i = 0; i < f.length(); i++) {
            char ch = f.charAt(i);
            if (ch != '%') {
                b.append(ch);
            } else if (i + 1 < f.length() && f.charAt(i + 1) == '%') {
                b.append('%');
                i++;
            } else if (i + 1 < f.length() && (f.charAt(i + 1) == 's' || f.charAt(i + 1) == 'd') && next < args.size()
                    && Value.text(args.get(next)) != null) {
                b.append(Value.text(args.get(next++)));
                i++;
            } else {
                return unknown(c);
            }
        }
        return Value.str(b.toString());
    }

    private static Value decode(String json) {
        try {
            return Values.fromJson(Json.parse(json));
        } catch (RuntimeException e) {
            return Value.unknown("jsondecode of invalid JSON");
        }
    }

    private static Value unknown(Expr.Call c) {
        return Value.unknown(c.name() + "(…)");
    }
}
