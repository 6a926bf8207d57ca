package io.watchkeeper.core.secrets;

import io.watchkeeper.core.finding.Severity;
import io.watchkeeper.core.model.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The secret rules, loaded from a rules file (YAML, see the built-in
 * {@code secret-rules.yaml}): provider rules, file rules, value filters, path contexts and the
 * skip policy. Loading validates everything (unknown keys, checks, filters, bad patterns, a pattern
 * without a {@code secret} group, duplicate ids) and names the rule at fault.
 */
public final class SecretRules {

    /** A file whose presence is the finding (a PKCS#12 key store), by extension and content magic. */
    public record FileRule(String id, String family, String title, Severity severity, Set<String> extensions, String magic) {}

    private static final String BUILT_IN = "secret-rules.yaml";
    private static final Set<String> RULE_KEYS = Set.of("id", "family", "title", "severity", "keywords", "pattern",
            "window", "check", "min-entropy", "generic", "filters", "priority", "nearby", "verifier", "inventory", "requires");
    private static final Set<String> MAGICS = Set.of("pkcs12");

    private final List<SecretRule> rules;
    private final List<FileRule> fileRules;
    private final ValueFilters valueFilters;
    private final PathContexts contexts;
    private final SkipPolicy skip;

    private SecretRules(List<SecretRule> rules, List<FileRule> fileRules, ValueFilters valueFilters,
                        PathContexts contexts, SkipPolicy skip) {
        this.rules = List.copyOf(rules);
        this.fileRules = List.copyOf(fileRules);
        this.valueFilters = valueFilters;
        this.contexts = contexts;
        this.skip = skip;
    }

    /** The rules shipped with Watchkeeper. */
    public static SecretRules builtIn() {
        try (InputStream in = SecretRules.class.getResourceAsStream(BUILT_IN)) {
            if (in == null) {
                throw new IllegalStateException(BUILT_IN + " is missing from the build");
            }
            return load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a rules file; an invalid one is bad input naming the rule and what is wrong. */
    public static SecretRules load(InputStream yaml) {
        JsonNode root;
        try {
            root = YAMLMapper.builder().build().readTree(yaml);
        } catch (RuntimeException e) {
            throw new InvalidInputException("rules file is not valid YAML: " + firstLine(e.getMessage()));
        }
        if (root == null || !root.isObject()) {
            throw new InvalidInputException("rules file: expected a mapping at the top");
        }
        if (root.path("version").asInt(0) != 1) {
            throw new InvalidInputException("rules file: version must be 1");
        }
        List<SecretRule> rules = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (JsonNode r : root.path("rules")) {
            SecretRule rule = rule(r);
            if (!ids.add(rule.id())) {
                throw new InvalidInputException("rules file: duplicate rule id '" + rule.id() + "'");
            }
            rules.add(rule);
        }
        if (rules.isEmpty()) {
            throw new InvalidInputException("rules file: no rules");
        }
        List<FileRule> fileRules = new ArrayList<>();
        for (JsonNode f : root.path("file-rules")) {
            String id = required(f, "id", "file rule");
            if (!ids.add(id)) {
                throw new InvalidInputException("rules file: duplicate rule id '" + id + "'");
            }
            String magic = required(f, "magic", id);
            if (!MAGICS.contains(magic)) {
                throw new InvalidInputException("rule " + id + ": unknown magic '" + magic + "' (known: " + MAGICS + ")");
            }
            Set<String> ext = new LinkedHashSet<>();
            f.path("extensions").forEach(e -> ext.add(e.asString().toLowerCase(Locale.ROOT)));
            fileRules.add(new FileRule(id, required(f, "family", id), f.path("title").asString(id),
                    severity(f, id), ext, magic));
        }
        JsonNode vf = root.path("value-filters");
        ValueFilters filters = new ValueFilters(strings(vf.path("placeholder-words")), strings(vf.path("template-markers")),
                pattern(vf, "identifier", "value-filters"), pattern(vf, "uuid", "value-filters"),
                strings(vf.path("hash-prefixes")), pattern(vf, "hash-names", "value-filters"),
                pattern(vf, "path-or-url", "value-filters"), Set.copyOf(strings(vf.path("default-passwords"))));
        Map<FileContext, PathContexts.Policy> policies = new EnumMap<>(FileContext.class);
        for (var e : root.path("contexts").properties()) {
            FileContext context;
            try {
                context = FileContext.valueOf(e.getKey().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException ex) {
                throw new InvalidInputException("rules file: unknown context '" + e.getKey() + "'");
            }
            JsonNode c = e.getValue();
            policies.put(context, new PathContexts.Policy(pattern(c, "paths", "context " + e.getKey()),
                    c.path("generic").asString("keep").equals("drop"),
                    c.has("severity") ? severity(c, "context " + e.getKey()) : null, c.path("lower").asInt(0)));
        }
        JsonNode s = root.path("skip");
        SkipPolicy skip = new SkipPolicy(pattern(s, "vendored", "skip"), pattern(s, "generated", "skip"),
                strings(s.path("generated-markers")), Set.copyOf(strings(s.path("binary-extensions"))));
        return new SecretRules(rules, fileRules, filters, new PathContexts(policies), skip);
    }

    private static SecretRule rule(JsonNode r) {
        String id = required(r, "id", "rule");
        for (String key : r.propertyNames()) {
            if (!RULE_KEYS.contains(key)) {
                throw new InvalidInputException("rule " + id + ": unknown key '" + key + "'");
            }
        }
        List<String> keywords = strings(r.path("keywords"));
        if (keywords.isEmpty()) {
            throw new InvalidInputException("rule " + id + ": needs at least one keyword (the prefilter runs a rule only near one)");
        }
        Pattern pattern = pattern(r, "pattern", "rule " + id);
        if (!pattern.pattern().contains("(?<secret>")) {
            throw new InvalidInputException("rule " + id + ": the pattern needs a named group 'secret'");
        }
        String check = r.path("check").asString(null);
        if (check != null) {
            try {
                StructureChecks.named(check);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("rule " + id + ": " + e.getMessage());
            }
        }
        List<String> filters = strings(r.path("filters"));
        for (String f : filters) {
            if (!ValueFilters.NAMES.contains(f)) {
                throw new InvalidInputException("rule " + id + ": unknown filter '" + f + "' (known: " + ValueFilters.NAMES + ")");
            }
        }
        JsonNode w = r.path("window");
        SecretRule.Window window = w.isMissingNode() ? SecretRule.Window.LINE
                : new SecretRule.Window(bounded(w.path("before").asInt(0), 0, 200, id), bounded(w.path("after").asInt(0), 0, 400, id));
        SecretRule.Nearby nearby = null;
        JsonNode n = r.path("nearby");
        if (!n.isMissingNode()) {
            nearby = new SecretRule.Nearby(pattern(n, "pattern", "rule " + id + " nearby"), bounded(n.path("lines").asInt(3), 0, 50, id),
                    n.path("min-entropy").asDouble(0), severity(n, id), n.path("what").asString("a companion secret"));
        }
        String inventory = r.path("inventory").asString(null);
        if (inventory != null && !inventory.equals("aws-access-key")) {
            throw new InvalidInputException("rule " + id + ": unknown inventory join '" + inventory + "'");
        }
        String requires = r.path("requires").asString(null);
        if (requires != null && (requires.isEmpty() || !requires.chars().allMatch(c -> c > 0x20 && c < 0x7f))) {
            throw new InvalidInputException("rule " + id + ": requires must be printable ASCII characters");
        }
        return new SecretRule(id, required(r, "family", id), r.path("title").asString(id), severity(r, id), keywords, pattern,
                window, check, r.path("min-entropy").asDouble(0), r.path("generic").asBoolean(false), filters,
                r.path("priority").asInt(50), nearby, r.path("verifier").asString(null), inventory, requires);
    }

    private static int bounded(int value, int min, int max, String id) {
        if (value < min || value > max) {
            throw new InvalidInputException("rule " + id + ": window/lines must be between " + min + " and " + max);
        }
        return value;
    }

    private static Severity severity(JsonNode n, String where) {
        try {
            return Severity.parse(required(n, "severity", where));
        } catch (InvalidInputException e) {
            throw new InvalidInputException(where + ": " + e.getMessage());
        }
    }

    private static String required(JsonNode n, String key, String where) {
        JsonNode v = n.path(key);
        if (!v.isString() || v.asString().isBlank()) {
            throw new InvalidInputException(where + ": '" + key + "' is required");
        }
        return v.asString();
    }

    private static Pattern pattern(JsonNode n, String key, String where) {
        String p = required(n, key, where);
        try {
            return Pattern.compile(p);
        } catch (PatternSyntaxException e) {
            throw new InvalidInputException(where + ": bad pattern in '" + key + "': " + firstLine(e.getDescription()));
        }
    }

    private static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.forEach(v -> out.add(v.asString()));
        return out;
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }

    public List<SecretRule> rules() {
        return rules;
    }

    /** The same filters and contexts with only {@code subset} of the content rules, and no file rules. */
    public SecretRules withRules(List<SecretRule> subset) {
        return new SecretRules(subset, List.of(), valueFilters, contexts, skip);
    }

    public List<FileRule> fileRules() {
        return fileRules;
    }

    public ValueFilters valueFilters() {
        return valueFilters;
    }

    public PathContexts contexts() {
        return contexts;
    }

    public SkipPolicy skip() {
        return skip;
    }
}
