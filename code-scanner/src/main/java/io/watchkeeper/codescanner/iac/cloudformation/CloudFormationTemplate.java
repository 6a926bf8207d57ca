package io.watchkeeper.codescanner.iac.cloudformation;

import io.watchkeeper.codescanner.iac.IacFile;
import io.watchkeeper.codescanner.iac.IacResource;
import io.watchkeeper.codescanner.iac.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A CloudFormation template (YAML with short-form tags, or JSON) evaluated statically: parameters
 * with defaults, {@code AWS::NoValue}, conditions ({@code Fn::Equals/Not/And/Or}), {@code Fn::If}
 * on a known condition, {@code Fn::Sub} and {@code Fn::Join} over known parts, {@code Fn::Select},
 * {@code Fn::FindInMap}. References to resources ({@code Ref}, {@code Fn::GetAtt}), imports and
 * parameters without a default stay unknown.
 */
public final class CloudFormationTemplate {

    private static final Pattern SUB = Pattern.compile("\\$\\{(!?)([^}]*)}");
    private static final int MAX_DEPTH = 64;

    private final Map<String, Value> parameters = new HashMap<>();
    private final Map<String, Value> conditionExprs = new HashMap<>();
    private final Map<String, Boolean> conditions = new HashMap<>();
    private final Set<String> evaluating = new HashSet<>();
    private Value.Obj mappings = new Value.Obj(Map.of());
    private int depth;

    private CloudFormationTemplate() {}

    /** Whether a file's text looks like a template (cheap test before parsing). */
    public static boolean looksLikeTemplate(String text) {
        return text.contains("AWSTemplateFormatVersion") || (text.contains("Resources") && text.contains("AWS::"));
    }

    /**
     * The template's resources, or empty when the file is not a CloudFormation template.
     *
     * @throws IllegalArgumentException when the file does not parse (reported as skipped)
     */
    public static Optional<List<IacResource>> resources(IacFile file) {
        Optional<YamlTrees.Doc> doc;
        try {
            doc = YamlTrees.compose(file.text());
        } catch (RuntimeException e) {
            String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
            throw new IllegalArgumentException(m.length() > 200 ? m.substring(0, 200) : m, e);
        }
        if (doc.isEmpty() || !(doc.get().value() instanceof Value.Obj top) || !(top.get("Resources") instanceof Value.Obj resources)) {
            return Optional.empty();
        }
        CloudFormationTemplate t = new CloudFormationTemplate();
        if (top.get("Parameters") instanceof Value.Obj params) {
            params.fields().forEach((name, p) -> {
                if (p instanceof Value.Obj po && po.get("Default") != null) {
                    t.parameters.put(name, po.get("Default"));
                }
            });
        }
        if (top.get("Mappings") instanceof Value.Obj m) {
            t.mappings = m;
        }
        if (top.get("Conditions") instanceof Value.Obj c) {
            t.conditionExprs.putAll(c.fields());
        }
        List<IacResource> out = new ArrayList<>();
        resources.fields().forEach((id, r) -> {
            if (r instanceof Value.Obj ro && ro.get("Type") instanceof Value.Str type && type.value().contains("::")) {
                if (ro.get("Condition") instanceof Value.Str cond && Boolean.FALSE.equals(t.condition(cond.value()))) {
                    return; // never created
                }
                Value props = ro.get("Properties") == null ? new Value.Obj(Map.of()) : t.eval(ro.get("Properties"));
                int[] lines = doc.get().resourceLines().getOrDefault(id, new int[] {1, 1});
                out.add(new IacResource("cloudformation", type.value(), id, type.value() + "." + id,
                        props instanceof Value.Obj po ? po : new Value.Obj(Map.of()), file.path(), lines[0], Math.max(lines[0], lines[1])));
            }
        });
        return Optional.of(out);
    }

    /** Evaluates intrinsic functions; {@code AWS::NoValue} removes the property. */
    Value eval(Value v) {
        if (++depth > MAX_DEPTH) {
            depth--;
            return Value.unknown("nested too deeply");
        }
        try {
            if (v instanceof Value.Lst l) {
                List<Value> items = new ArrayList<>();
                for (Value i : l.items()) {
                    Value e = eval(i);
                    if (!isNoValue(e)) {
                        items.add(e);
                    }
                }
                return new Value.Lst(items);
            }
            if (!(v instanceof Value.Obj o)) {
                return v;
            }
            if (o.fields().size() == 1) {
                String fn = o.fields().keySet().iterator().next();
                Value arg = o.get(fn);
                if (fn.equals("Ref") || fn.startsWith("Fn::")) {
                    return intrinsic(fn, arg);
                }
            }
            Map<String, Value> fields = new LinkedHashMap<>();
            o.fields().forEach((k, x) -> {
                Value e = eval(x);
                if (!isNoValue(e)) {
                    fields.put(k, e);
                }
            });
            return new Value.Obj(fields);
        } finally {
            depth--;
        }
    }

    private static final Value NO_VALUE = Value.unknown("AWS::NoValue");

    private static boolean isNoValue(Value v) {
        return v == NO_VALUE;
    }

    private Value intrinsic(String fn, Value arg) {
        switch (fn) {
            case "Ref" -> {
                String name = Value.text(arg);
                if (name == null) {
                    return Value.unknown("Ref");
                }
                if (name.equals("AWS::NoValue")) {
                    return NO_VALUE;
                }
                Value p = parameters.get(name);
                return p != null ? eval(p) : Value.unknown("Ref " + name);
            }
            case "Fn::GetAtt" -> {
                return Value.unknown("GetAtt " + (arg instanceof Value.Lst l ? String.join(".", l.items().stream()
                        .map(i -> String.valueOf(Value.text(i))).toList()) : String.valueOf(Value.text(arg))));
            }
            case "Fn::If" -> {
                if (arg instanceof Value.Lst l && l.items().size() == 3 && Value.text(l.items().getFirst()) != null) {
                    Boolean c = condition(Value.text(l.items().getFirst()));
                    if (c != null) {
                        return eval(l.items().get(c ? 1 : 2));
                    }
                    Value a = eval(l.items().get(1));
                    Value b = eval(l.items().get(2));
                    return a.known() && a.equals(b) ? a : Value.unknown("Fn::If " + Value.text(l.items().getFirst()));
                }
                return Value.unknown("Fn::If");
            }
            case "Fn::Sub" -> {
                return sub(arg);
            }
            case "Fn::Join" -> {
                if (arg instanceof Value.Lst l && l.items().size() == 2 && Value.text(l.items().getFirst()) != null
                        && eval(l.items().get(1)) instanceof Value.Lst parts) {
                    StringBuilder b = new StringBuilder();
                    for (int i = 0; i < parts.items().size(); i++) {
                        String s = Value.text(parts.items().get(i));
                        if (s == null) {
                            return Value.unknown("Fn::Join");
                        }
                        b.append(i > 0 ? Value.text(l.items().getFirst()) : "").append(s);
                    }
                    return Value.str(b.toString());
                }
                return Value.unknown("Fn::Join");
            }
            case "Fn::Select" -> {
                if (arg instanceof Value.Lst l && l.items().size() == 2 && eval(l.items().get(1)) instanceof Value.Lst list) {
                    String idx = Value.text(eval(l.items().getFirst()));
                    try {
                        int i = Integer.parseInt(idx == null ? "x" : idx);
                        return i >= 0 && i < list.items().size() ? list.items().get(i) : Value.unknown("Fn::Select");
                    } catch (NumberFormatException e) {
                        return Value.unknown("Fn::Select");
                    }
                }
                return Value.unknown("Fn::Select");
            }
            case "Fn::FindInMap" -> {
                if (arg instanceof Value.Lst l && l.items().size() >= 3) {
                    Value cur = mappings;
                    for (int i = 0; i < 3; i++) {
                        String key = Value.text(eval(l.items().get(i)));
                        if (key == null || !(cur instanceof Value.Obj o) || o.get(key) == null) {
                            return Value.unknown("Fn::FindInMap");
                        }
                        cur = o.get(key);
                    }
                    return eval(cur);
                }
                return Value.unknown("Fn::FindInMap");
            }
            default -> {
                return Value.unknown(fn);
            }
        }
    }

    private Value sub(Value arg) {
        String template;
        Map<String, Value> vars = new HashMap<>();
        if (arg instanceof Value.Str s) {
            template = s.value();
        } else if (arg instanceof Value.Lst l && l.items().size() == 2 && l.items().getFirst() instanceof Value.Str s
                && l.items().get(1) instanceof Value.Obj o) {
            template = s.value();
            o.fields().forEach((k, x) -> vars.put(k, eval(x)));
        } else {
            return Value.unknown("Fn::Sub");
        }
        Matcher m = SUB.matcher(template);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String replacement;
            if (!m.group(1).isEmpty()) {
                replacement = "${" + m.group(2) + "}";
            } else {
                String name = m.group(2).trim();
                Value v = vars.containsKey(name) ? vars.get(name) : name.contains(".") ? null
                        : parameters.containsKey(name) ? eval(parameters.get(name)) : null;
                replacement = v == null ? null : Value.text(v);
                if (replacement == null) {
                    return Value.unknown("Fn::Sub ${" + name + "}");
                }
            }
            m.appendReplacement(b, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(b);
        return Value.str(b.toString());
    }

    /** A condition's value, or null when it depends on something unknown. */
    Boolean condition(String name) {
        if (conditions.containsKey(name)) {
            return conditions.get(name);
        }
        Value expr = conditionExprs.get(name);
        if (expr == null || !evaluating.add(name)) {
            return null;
        }
        try {
            Boolean b = bool(expr);
            conditions.put(name, b);
            return b;
        } finally {
            evaluating.remove(name);
        }
    }

    private Boolean bool(Value expr) {
        if (expr instanceof Value.Bool b) {
            return b.value();
        }
        if (!(expr instanceof Value.Obj o) || o.fields().size() != 1) {
            return null;
        }
        String fn = o.fields().keySet().iterator().next();
        Value arg = o.get(fn);
        List<Value> args = arg instanceof Value.Lst l ? l.items() : List.of(arg);
        switch (fn) {
            case "Condition" -> {
                return Value.text(arg) == null ? null : condition(Value.text(arg));
            }
            case "Fn::Equals" -> {
                if (args.size() != 2) {
                    return null;
                }
                String a = Value.text(eval(args.get(0)));
                String b = Value.text(eval(args.get(1)));
                return a == null || b == null ? null : a.equals(b);
            }
            case "Fn::Not" -> {
                Boolean b = args.size() == 1 ? bool(args.getFirst()) : null;
                return b == null ? null : !b;
            }
            case "Fn::And", "Fn::Or" -> {
                boolean and = fn.equals("Fn::And");
                boolean unknown = false;
                for (Value a : args) {
                    Boolean b = bool(a);
                    if (b == null) {
                        unknown = true;
                    } else if (b != and) {
                        return !and;
                    }
                }
                return unknown ? null : and;
            }
            default -> {
                return null;
            }
        }
    }
}
