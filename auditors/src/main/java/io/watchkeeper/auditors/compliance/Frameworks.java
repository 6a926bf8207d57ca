package io.watchkeeper.auditors.compliance;

import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.model.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The frameworks shipped as data: {@code frameworks/index} names one control-list file per line
 * ({@code cis-aws-3.0.json}); each is read and checked here (ids, levels, assessments, one entry per
 * control, manual controls without deciding checks). A new framework is a data file and its line in
 * the index, no code. {@code framework.schema.json} beside them describes the format.
 */
public final class Frameworks {

    static final String DIRECTORY = "frameworks/";
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9.-]{1,40}");
    private static final Pattern CONTROL_ID = Pattern.compile("\\d{1,2}(\\.\\d{1,2}){0,3}");
    private static final Pattern CHECK_ID = Pattern.compile("[a-z0-9-]+(\\.[a-z0-9-]+)+/[a-z0-9-]+");
    private static final Set<String> PROVIDERS = Set.of("aws", "gcp", "github");

    private final Map<String, Framework> byId;
    private final List<Framework> ordered;

    public Frameworks(List<Framework> frameworks) {
        Map<String, Framework> map = new LinkedHashMap<>();
        for (Framework f : frameworks) {
            if (map.putIfAbsent(f.id(), f) != null) {
                throw new IllegalStateException("framework " + f.id() + " is defined twice");
            }
        }
        this.byId = Map.copyOf(map);
        this.ordered = List.copyOf(map.values());
    }

    /** The frameworks listed in {@code frameworks/index} on the class path. */
    public static Frameworks load() {
        ClassLoader loader = Frameworks.class.getClassLoader();
        List<Framework> out = new ArrayList<>();
        for (String file : read(loader, DIRECTORY + "index").lines().map(String::trim)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList()) {
            out.add(parse(read(loader, DIRECTORY + file), file));
        }
        return new Frameworks(out);
    }

    private static String read(ClassLoader loader, String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Framework> all() {
        return ordered;
    }

    public Optional<Framework> find(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(byId.get(id.trim().toLowerCase(Locale.ROOT)));
    }

    /** The framework with this id, or a clear error naming the known ones. */
    public Framework require(String id) {
        return find(id).orElseThrow(() -> new InvalidInputException("unknown framework '" + clip(id) + "' (known: "
                + String.join(", ", byId.keySet().stream().sorted().toList()) + ")"));
    }

    private static String clip(String s) {
        String t = s == null ? "" : s.replaceAll("\\p{Cntrl}", "?");
        return t.length() <= 60 ? t : t.substring(0, 60) + "…";
    }

    /** Reads and checks one control-list file; {@code name} is for error messages. */
    public static Framework parse(String json, String name) {
        JsonNode root;
        try {
            root = Json.parse(json);
        } catch (RuntimeException e) {
            throw new IllegalStateException(name + ": not JSON: " + e.getMessage(), e);
        }
        String id = text(root, "id", name);
        if (!ID.matcher(id).matches()) {
            throw new IllegalStateException(name + ": bad framework id '" + id + "'");
        }
        String provider = text(root, "provider", name);
        if (!PROVIDERS.contains(provider)) {
            throw new IllegalStateException(name + ": unknown provider '" + provider + "'");
        }
        JsonNode controls = root.get("controls");
        if (controls == null || !controls.isArray() || controls.isEmpty()) {
            throw new IllegalStateException(name + ": no controls");
        }
        List<Framework.Control> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (JsonNode c : controls) {
            String cid = text(c, "id", name);
            String where = name + " control " + cid;
            if (!CONTROL_ID.matcher(cid).matches() || !seen.add(cid)) {
                throw new IllegalStateException(where + ": bad or repeated id");
            }
            int level = c.path("level").asInt(0);
            if (level < 1 || level > 2) {
                throw new IllegalStateException(where + ": level must be 1 or 2");
            }
            Framework.Assessment assessment = switch (text(c, "assessment", where)) {
                case "automated" -> Framework.Assessment.AUTOMATED;
                case "manual" -> Framework.Assessment.MANUAL;
                default -> throw new IllegalStateException(where + ": assessment must be automated or manual");
            };
            List<String> checks = checkIds(c.get("checks"), where);
            List<String> related = checkIds(c.get("related"), where);
            if (assessment == Framework.Assessment.MANUAL && !checks.isEmpty()) {
                throw new IllegalStateException(where + ": a manual control is decided by people (use related)");
            }
            Framework.WhenNoResources none = switch (c.path("whenNoResources").asString("not-applicable")) {
                case "not-applicable" -> Framework.WhenNoResources.NOT_APPLICABLE;
                case "fail" -> Framework.WhenNoResources.FAIL;
                default -> throw new IllegalStateException(where + ": whenNoResources must be not-applicable or fail");
            };
            out.add(new Framework.Control(cid, text(c, "section", where), text(c, "title", where), level, assessment,
                    checks, related, none));
        }
        return new Framework(id, text(root, "name", name), text(root, "version", name), provider,
                text(root, "controlPrefix", name), root.path("source").asString(""), out);
    }

    private static List<String> checkIds(JsonNode node, String where) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new IllegalStateException(where + ": check lists are arrays");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode n : node) {
            if (!n.isString() || !CHECK_ID.matcher(n.asString()).matches() || out.contains(n.asString())) {
                throw new IllegalStateException(where + ": bad or repeated check id " + n);
            }
            out.add(n.asString());
        }
        return List.copyOf(out);
    }

    private static String text(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || !v.isString() || v.asString().isBlank()) {
            throw new IllegalStateException(where + ": missing " + field);
        }
        return v.asString();
    }
}
