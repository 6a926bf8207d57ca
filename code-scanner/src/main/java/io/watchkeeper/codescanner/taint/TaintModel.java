package io.watchkeeper.codescanner.taint;

import io.watchkeeper.core.finding.Severity;
import io.watchkeeper.core.model.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The Java taint model as data: rules (CWE, severity, message, fix advice) from {@code rules.yaml}
 * and, per library, sources, parameter sources (annotations), sinks, sanitisers, validators and
 * return sinks from one model file each ({@code jdk.yaml}, {@code servlet.yaml}, ...). Loading refuses
 * unknown keys, unknown rules and unknown versions and names the file at fault. Types are matched by
 * fully qualified name, or by their trailing part when the analysed code's type could not be resolved
 * to a package.
 */
public final class TaintModel {

    public static final int VERSION = 1;
    private static final String BASE = "/io/watchkeeper/codescanner/taint/";

    /** A rule: what a flow into its sinks means. {@code safePrefix}: a constant prefix of a concatenation that makes it safe. */
    public record Rule(String id, int cwe, Severity severity, String title, String message, String fix, Pattern safePrefix) {}

    /** Methods (or constructors, {@code <init>}) of some types. */
    record Methods(Set<String> types, Set<String> names) {
        boolean matches(String type) {
            if (type == null) {
                return false;
            }
            if (types.contains(type)) {
                return true;
            }
            if (qualified(type)) {
                return false;
            }
            for (String t : types) {
                if (t.endsWith("." + type)) {
                    return true;
                }
            }
            return false;
        }
    }

    record SourceSpec(String kind, Methods at) {}

    /** Parameters carrying one of {@code annotations}, or every parameter of a method carrying one of {@code methodAnnotations}. */
    record ParamSource(String kind, Set<String> annotations, Set<String> methodAnnotations) {}

    /** A sink: {@code args} empty means every argument. */
    record SinkSpec(Rule rule, Methods at, Set<Integer> args, Set<String> argTypes, Set<String> receiverFrom) {}

    /** A sanitiser: {@code rules} empty means safe for every rule. */
    record SanitiserSpec(Methods at, Set<String> rules) {}

    record ReturnSink(Rule rule, Set<String> methodAnnotations, Set<String> classAnnotations, Set<String> handlerAnnotations,
                      Set<String> returnTypes, Set<String> unlessProduces) {}

    /**
     * An API used unsafely, judged at the call without a source: {@code constantMatches} (the argument {@code arg} is a
     * constant string matching it), {@code constant} (the argument is any constant: literal, array of literals, a
     * literal's bytes, a static final field), {@code requiresAll}/{@code requiresAny} (calls on the object the call
     * created, in the same method, as {@code name(args)} text), {@code context} (the enclosing method's or the assigned
     * variable's name must match).
     */
    record Misuse(Rule rule, Methods at, int arg, Pattern constantMatches, boolean constant, List<Pattern> requiresAll,
                  List<Pattern> requiresAny, Pattern context) {}

    private final Map<String, Rule> rules;
    private final List<Misuse> misuses = new ArrayList<>();
    private final List<String> files = new ArrayList<>();
    private final List<JsonNode> loaded = new ArrayList<>(); // the files' trees, so with() can stack user files
    private final Map<String, List<SourceSpec>> sources = new HashMap<>();
    private final Map<String, List<SinkSpec>> sinks = new HashMap<>();
    private final Map<String, List<SanitiserSpec>> sanitisers = new HashMap<>();
    private final List<ParamSource> paramSources = new ArrayList<>();
    private final List<ReturnSink> returnSinks = new ArrayList<>();
    private final Set<String> validators = new HashSet<>();
    private final Set<String> notPropagating = new HashSet<>();
    private final Set<String> receiverOnly = new HashSet<>();
    private final Set<String> mutators = new HashSet<>();
    private final Set<String> knownTypes = new HashSet<>();
    /** Source kinds switched off (an entry with {@code enabled: false}, or {@code disable-sources}; {@code enable-sources} turns one back on). */
    private final Set<String> disabledKinds = new HashSet<>();

    private TaintModel(Map<String, Rule> rules) {
        this.rules = rules;
    }

    /** The built-in rules and every built-in library model. */
    public static TaintModel builtIn() {
        JsonNode root = read(BASE + "rules.yaml", resource("rules.yaml"));
        TaintModel m = new TaintModel(rules("rules.yaml", root));
        for (JsonNode name : root.path("models")) {
            String file = name.asString() + ".yaml";
            m.add(file, read(file, resource(file)));
        }
        return m;
    }

    /** This model plus a user's model file (same format as a built-in library file). */
    public TaintModel with(String name, InputStream in) {
        TaintModel m = new TaintModel(rules);
        for (int i = 0; i < files.size(); i++) {
            m.add(files.get(i), loaded.get(i));
        }
        m.add(name, read(name, in));
        return m;
    }

    public Map<String, Rule> rules() {
        return rules;
    }

    public List<String> files() {
        return List.copyOf(files);
    }

    List<SourceSpec> sources(String method) {
        List<SourceSpec> all = sources.getOrDefault(method, List.of());
        return disabledKinds.isEmpty() ? all : all.stream().filter(s -> !disabledKinds.contains(s.kind())).toList();
    }

    /** Whether sources of this kind are analysed. */
    public boolean sourceEnabled(String kind) {
        return !disabledKinds.contains(kind);
    }

    List<SinkSpec> sinks(String method) {
        return sinks.getOrDefault(method, List.of());
    }

    List<SanitiserSpec> sanitisers(String method) {
        return sanitisers.getOrDefault(method, List.of());
    }

    List<Misuse> misuses() {
        return misuses;
    }

    List<ParamSource> paramSources() {
        return disabledKinds.isEmpty() ? paramSources : paramSources.stream().filter(s -> !disabledKinds.contains(s.kind())).toList();
    }

    List<ReturnSink> returnSinks() {
        return returnSinks;
    }

    boolean validator(String method) {
        return validators.contains(method);
    }

    boolean notPropagating(String method) {
        return notPropagating.contains(method);
    }

    boolean receiverOnly(String method) {
        return receiverOnly.contains(method);
    }

    boolean mutator(String method) {
        return mutators.contains(method);
    }

    /** Whether a method name is named anywhere in the model (sources, sinks, sanitisers). */
    boolean interesting(String method) {
        return sources.containsKey(method) || sinks.containsKey(method) || sanitisers.containsKey(method);
    }

    /** A fully qualified type of the model whose simple name is {@code simple} in one of {@code packages}, or null. */
    String knownType(String pkg, String simple) {
        String fqn = pkg + "." + simple;
        return knownTypes.contains(fqn) ? fqn : null;
    }

    static boolean qualified(String type) {
        int dot = type.indexOf('.');
        return dot > 0 && Character.isLowerCase(type.charAt(0));
    }

    private static InputStream resource(String file) {
        InputStream in = TaintModel.class.getResourceAsStream(BASE + file);
        if (in == null) {
            throw new IllegalStateException("built-in taint model " + file + " missing");
        }
        return in;
    }

    private static JsonNode read(String name, InputStream in) {
        try (in) {
            JsonNode root = YAMLMapper.builder().build().readTree(in);
            if (root == null || !root.isObject()) {
                throw new InvalidInputException("taint model " + name + ": not a YAML mapping");
            }
            if (root.path("version").asInt(-1) != VERSION) {
                throw new InvalidInputException("taint model " + name + ": version must be " + VERSION);
            }
            return root;
        } catch (JacksonException e) {
            throw new InvalidInputException("taint model " + name + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InvalidInputException("cannot read taint model " + name + ": " + e.getMessage());
        }
    }

    private static Map<String, Rule> rules(String file, JsonNode root) {
        keys(file, root, Set.of("version", "models", "rules"));
        Map<String, Rule> out = new LinkedHashMap<>();
        for (JsonNode r : root.path("rules")) {
            keys(file, r, Set.of("id", "cwe", "severity", "title", "message", "fix", "safe-prefix"));
            String id = text(file, r, "id");
            Pattern prefix = null;
            if (r.has("safe-prefix")) {
                try {
                    prefix = Pattern.compile(r.get("safe-prefix").asString());
                } catch (PatternSyntaxException e) {
                    throw new InvalidInputException("taint model " + file + ": rule " + id + ": bad safe-prefix");
                }
            }
            Rule rule = new Rule(id, r.path("cwe").asInt(0), Severity.parse(text(file, r, "severity").toLowerCase(Locale.ROOT)),
                    text(file, r, "title"), text(file, r, "message"), text(file, r, "fix"), prefix);
            if (rule.cwe() <= 0 || out.put(id, rule) != null) {
                throw new InvalidInputException("taint model " + file + ": rule " + id + " needs a positive cwe and a unique id");
            }
        }
        return out;
    }

    private void add(String file, JsonNode root) {
        keys(file, root, Set.of("version", "library", "sources", "parameter-sources", "sinks", "sanitisers", "validators",
                "return-sinks", "not-propagating", "receiver-only", "mutators", "enable-sources", "disable-sources", "misuses"));
        files.add(file);
        loaded.add(root);
        for (JsonNode s : root.path("sources")) {
            keys(file, s, Set.of("kind", "types", "methods", "enabled"));
            SourceSpec spec = new SourceSpec(text(file, s, "kind"), methods(file, s));
            spec.at().names().forEach(n -> sources.computeIfAbsent(n, k -> new ArrayList<>()).add(spec));
            enabled(file, s, spec.kind());
        }
        for (JsonNode s : root.path("parameter-sources")) {
            keys(file, s, Set.of("kind", "annotations", "method-annotations", "enabled"));
            ParamSource spec = new ParamSource(text(file, s, "kind"), strings(s.path("annotations")), strings(s.path("method-annotations")));
            if (spec.annotations().isEmpty() && spec.methodAnnotations().isEmpty()) {
                throw new InvalidInputException("taint model " + file + ": a parameter source needs annotations or method-annotations");
            }
            paramSources.add(spec);
            enabled(file, s, spec.kind());
        }
        for (JsonNode s : root.path("misuses")) {
            keys(file, s, Set.of("rule", "types", "methods", "arg", "constant-matches", "constant", "requires-all", "requires-any",
                    "context-names"));
            Misuse mu = new Misuse(rule(file, s), methods(file, s), s.path("arg").asInt(-1), pattern(file, s.get("constant-matches")),
                    s.path("constant").asBoolean(false), patterns(file, s.path("requires-all")), patterns(file, s.path("requires-any")),
                    pattern(file, s.get("context-names")));
            if (mu.arg() < 0 && (mu.constant() || mu.constantMatches() != null)) {
                throw new InvalidInputException("taint model " + file + ": a constant check needs arg");
            }
            misuses.add(mu);
        }
        for (JsonNode k : root.path("disable-sources")) {
            disabledKinds.add(k.asString());
        }
        for (JsonNode k : root.path("enable-sources")) {
            disabledKinds.remove(k.asString());
        }
        for (JsonNode s : root.path("sinks")) {
            keys(file, s, Set.of("rule", "types", "methods", "args", "arg-types", "receiver-from"));
            Set<Integer> args = new LinkedHashSet<>();
            s.path("args").forEach(a -> args.add(a.asInt()));
            SinkSpec spec = new SinkSpec(rule(file, s), methods(file, s), Set.copyOf(args), strings(s.path("arg-types")),
                    strings(s.path("receiver-from")));
            spec.at().names().forEach(n -> sinks.computeIfAbsent(n, k -> new ArrayList<>()).add(spec));
        }
        for (JsonNode s : root.path("sanitisers")) {
            keys(file, s, Set.of("types", "methods", "rules"));
            Set<String> ruleIds = strings(s.path("rules"));
            for (String id : ruleIds) {
                if (!rules.containsKey(id)) {
                    throw new InvalidInputException("taint model " + file + ": unknown rule " + id);
                }
            }
            boolean none = s.has("rules") && ruleIds.isEmpty(); // rules: [] documents a non-sanitiser
            if (!none) {
                SanitiserSpec spec = new SanitiserSpec(methods(file, s), ruleIds);
                spec.at().names().forEach(n -> sanitisers.computeIfAbsent(n, k -> new ArrayList<>()).add(spec));
            }
        }
        for (JsonNode s : root.path("return-sinks")) {
            keys(file, s, Set.of("rule", "method-annotations", "class-annotations", "handler-annotations", "return-types",
                    "unless-produces"));
            returnSinks.add(new ReturnSink(rule(file, s), strings(s.path("method-annotations")), strings(s.path("class-annotations")),
                    strings(s.path("handler-annotations")), strings(s.path("return-types")), strings(s.path("unless-produces"))));
        }
        for (JsonNode s : root.path("validators")) {
            keys(file, s, Set.of("methods"));
            validators.addAll(strings(s.path("methods")));
        }
        names(file, root, "not-propagating", notPropagating);
        names(file, root, "receiver-only", receiverOnly);
        names(file, root, "mutators", mutators);
    }

    private static Pattern pattern(String file, JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        try {
            return Pattern.compile(n.asString());
        } catch (PatternSyntaxException e) {
            throw new InvalidInputException("taint model " + file + ": bad pattern " + n.asString());
        }
    }

    private static List<Pattern> patterns(String file, JsonNode array) {
        List<Pattern> out = new ArrayList<>();
        array.forEach(n -> out.add(pattern(file, n)));
        return List.copyOf(out);
    }

    private void enabled(String file, JsonNode s, String kind) {
        if (s.has("enabled")) {
            if (!s.get("enabled").isBoolean()) {
                throw new InvalidInputException("taint model " + file + ": enabled must be true or false");
            }
            if (!s.get("enabled").asBoolean()) {
                disabledKinds.add(kind);
            }
        }
    }

    private static void names(String file, JsonNode root, String key, Set<String> into) {
        if (root.has(key)) {
            keys(file, root.get(key), Set.of("methods"));
            into.addAll(strings(root.get(key).path("methods")));
        }
    }

    private Rule rule(String file, JsonNode s) {
        String id = text(file, s, "rule");
        Rule r = rules.get(id);
        if (r == null) {
            throw new InvalidInputException("taint model " + file + ": unknown rule " + id);
        }
        return r;
    }

    private Methods methods(String file, JsonNode s) {
        Set<String> types = strings(s.path("types"));
        Set<String> names = strings(s.path("methods"));
        if (types.isEmpty() || names.isEmpty()) {
            throw new InvalidInputException("taint model " + file + ": an entry needs types and methods");
        }
        knownTypes.addAll(types);
        return new Methods(types, names);
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> out = new LinkedHashSet<>();
        array.forEach(n -> out.add(n.asString()));
        return Set.copyOf(out);
    }

    private static String text(String file, JsonNode n, String key) {
        if (!n.hasNonNull(key) || n.get(key).asString().isBlank()) {
            throw new InvalidInputException("taint model " + file + ": missing " + key);
        }
        return n.get(key).asString();
    }

    private static void keys(String file, JsonNode n, Set<String> allowed) {
        if (!n.isObject()) {
            throw new InvalidInputException("taint model " + file + ": expected a mapping");
        }
        for (String k : n.propertyNames()) {
            if (!allowed.contains(k)) {
                throw new InvalidInputException("taint model " + file + ": unknown key '" + k + "'");
            }
        }
    }
}
