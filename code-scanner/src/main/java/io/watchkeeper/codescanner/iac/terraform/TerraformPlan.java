package io.watchkeeper.codescanner.iac.terraform;

import io.watchkeeper.codescanner.iac.IacFile;
import io.watchkeeper.codescanner.iac.IacResource;
import io.watchkeeper.codescanner.iac.Value;
import io.watchkeeper.codescanner.iac.Values;
import io.watchkeeper.core.json.Json;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * A plan as {@code terraform show -json} prints it: {@code planned_values} of the root module and
 * its child modules (every managed resource, with module addresses), the values known after apply
 * marked unknown from {@code resource_changes[].change.after_unknown}; resources the plan deletes
 * are left out. A plan has no source lines: a finding points at the resource's address in the plan file.
 */
public final class TerraformPlan {

    private static final int MAX_MODULE_DEPTH = 32;

    private TerraformPlan() {}

    /** Cheap test before parsing. */
    public static boolean looksLikePlan(String text) {
        return text.contains("\"planned_values\"") && text.contains("\"format_version\"");
    }

    /** The plan's resources, or empty when the file is not a plan; throws IllegalArgumentException when it does not parse. */
    public static Optional<List<IacResource>> resources(IacFile file) {
        JsonNode root;
        try {
            root = Json.parse(file.text());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not valid JSON", e);
        }
        JsonNode planned = root.path("planned_values").path("root_module");
        if (!root.isObject() || planned.isMissingNode()) {
            return Optional.empty();
        }
        Map<String, JsonNode> unknownByAddress = new HashMap<>();
        Map<String, Boolean> deleted = new HashMap<>();
        for (JsonNode rc : root.path("resource_changes")) {
            String address = rc.path("address").asString("");
            unknownByAddress.put(address, rc.path("change").path("after_unknown"));
            JsonNode actions = rc.path("change").path("actions");
            deleted.put(address, actions.size() == 1 && "delete".equals(actions.get(0).asString("")));
        }
        Map<String, JsonNode> expressions = new HashMap<>();
        configuration(root.path("configuration").path("root_module"), "", expressions, 0);
        List<IacResource> out = new ArrayList<>();
        module(planned, file, unknownByAddress, deleted, expressions, out, 0);
        return Optional.of(out);
    }

    /** The configuration's expressions by resource address (without instance keys), for references. */
    private static void configuration(JsonNode module, String prefix, Map<String, JsonNode> out, int depth) {
        if (depth > MAX_MODULE_DEPTH) {
            return;
        }
        for (JsonNode r : module.path("resources")) {
            out.put(prefix + r.path("address").asString(""), r.path("expressions"));
        }
        for (var call : module.path("module_calls").properties()) {
            configuration(call.getValue().path("module"), prefix + "module." + call.getKey() + ".", out, depth + 1);
        }
    }

    /**
     * A top-level argument known only after apply, named by the reference the configuration gives
     * it ({@code aws_s3_bucket.logs.id}), so split resources still find their bucket.
     */
    private static Value referenced(Value.Obj values, JsonNode expressions, String address) {
        if (expressions == null || !expressions.isObject()) {
            return values;
        }
        String modulePrefix = address.startsWith("module.") ? address.substring(0, address.lastIndexOf('.', address.lastIndexOf('.') - 1) + 1) : "";
        Map<String, Value> fields = new LinkedHashMap<>(values.fields());
        fields.forEach((k, v) -> {
            JsonNode refs = expressions.path(k).path("references");
            if (v instanceof Value.Unknown && refs.isArray() && !refs.isEmpty()) {
                fields.put(k, Value.unknown(modulePrefix + refs.get(0).asString("")));
            }
        });
        return new Value.Obj(fields);
    }

    private static String withoutIndex(String address) {
        return address.replaceAll("\\[[^\\]]*]", "");
    }

    private static void module(JsonNode module, IacFile file, Map<String, JsonNode> unknown, Map<String, Boolean> deleted,
                               Map<String, JsonNode> expressions, List<IacResource> out, int depth) {
        if (depth > MAX_MODULE_DEPTH) {
            return;
        }
        for (JsonNode r : module.path("resources")) {
            if (!"managed".equals(r.path("mode").asString("managed"))) {
                continue;
            }
            String address = r.path("address").asString("");
            if (address.isEmpty() || Boolean.TRUE.equals(deleted.get(address))) {
                continue;
            }
            Value values = Values.fromJson(r.path("values"));
            Value merged = markUnknown(values, unknown.get(address));
            if (merged instanceof Value.Obj o) {
                merged = referenced(o, expressions.get(withoutIndex(address)), address);
            }
            int line = lineOf(file.text(), address);
            out.add(new IacResource("terraform-plan", r.path("type").asString(""), r.path("name").asString(""), address,
                    merged instanceof Value.Obj o ? o : new Value.Obj(Map.of()), file.path(), line, line));
        }
        for (JsonNode child : module.path("child_modules")) {
            module(child, file, unknown, deleted, expressions, out, depth + 1);
        }
    }

    /** Overlays {@code after_unknown} (true where the value is known only after apply). */
    static Value markUnknown(Value v, JsonNode mask) {
        if (mask == null || mask.isMissingNode() || mask.isNull()) {
            return v;
        }
        if (mask.isBoolean()) {
            return mask.asBoolean() ? Value.unknown("known after apply") : v;
        }
        if (mask.isObject()) {
            Map<String, Value> fields = new LinkedHashMap<>(v instanceof Value.Obj o ? o.fields() : Map.of());
            for (var e : mask.properties()) {
                fields.put(e.getKey(), markUnknown(fields.getOrDefault(e.getKey(), Value.NULL), e.getValue()));
            }
            return new Value.Obj(fields);
        }
        if (mask.isArray() && v instanceof Value.Lst l) {
            List<Value> items = new ArrayList<>(l.items());
            for (int i = 0; i < mask.size() && i < items.size(); i++) {
                items.set(i, markUnknown(items.get(i), mask.get(i)));
            }
            return new Value.Lst(items);
        }
        return v;
    }

    /** The line of {@code "address": "<address>"} in the plan file (1 when not found). */
    static int lineOf(String text, String address) {
        String quoted = Json.write(Json.mapper().getNodeFactory().stringNode(address));
        int at = -1;
        for (int from = 0; (from = text.indexOf(quoted, from)) >= 0; from += quoted.length()) {
            int before = text.lastIndexOf("\"address\"", from);
            if (before >= 0 && text.substring(before + 9, from).strip().equals(":")) {
                at = from;
                break;
            }
        }
        if (at < 0) {
            return 1;
        }
        int line = 1;
        for (int i = 0; i < at; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
