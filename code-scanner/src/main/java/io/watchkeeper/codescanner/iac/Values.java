package io.watchkeeper.codescanner.iac;

import io.watchkeeper.core.json.Json;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Conversions between {@link Value}s and JSON, with a marker for unknown leaves inside documents. */
public final class Values {

    /** What an unknown leaf of a JSON document (a policy built with jsonencode) becomes. */
    public static final String UNKNOWN_PREFIX = "<unknown: ";

    private static final int MAX_NODES = 200_000;

    private Values() {}

    /** The marker string of an unknown leaf. */
    public static String marker(Value.Unknown u) {
        String ref = u.reference() == null ? "?" : u.reference();
        return UNKNOWN_PREFIX + (ref.length() > 200 ? ref.substring(0, 200) : ref) + ">";
    }

    public static boolean isMarker(String s) {
        return s != null && s.startsWith(UNKNOWN_PREFIX);
    }

    /** JSON of a value; unknown leaves become {@link #marker marker strings}. */
    public static JsonNode toJson(Value v) {
        return switch (v) {
            case Value.Str s -> Json.mapper().getNodeFactory().stringNode(s.value());
            case Value.Num n -> Json.mapper().getNodeFactory().numberNode(n.value());
            case Value.Bool b -> Json.mapper().getNodeFactory().booleanNode(b.value());
            case Value.Null x -> Json.mapper().getNodeFactory().nullNode();
            case Value.Unknown u -> Json.mapper().getNodeFactory().stringNode(marker(u));
            case Value.Lst l -> {
                ArrayNode a = Json.mapper().createArrayNode();
                l.items().forEach(i -> a.add(toJson(i)));
                yield a;
            }
            case Value.Obj o -> {
                ObjectNode obj = Json.object();
                o.fields().forEach((k, x) -> obj.set(k, toJson(x)));
                yield obj;
            }
        };
    }

    /** A value of parsed JSON (bounded: a document of more than {@value #MAX_NODES} nodes is unknown). */
    public static Value fromJson(JsonNode n) {
        int[] budget = {MAX_NODES};
        return fromJson(n, budget, 0);
    }

    private static Value fromJson(JsonNode n, int[] budget, int depth) {
        if (--budget[0] < 0 || depth > 100) {
            return Value.unknown("document too large");
        }
        if (n == null || n.isNull() || n.isMissingNode()) {
            return Value.NULL;
        }
        if (n.isString()) {
            String s = n.asString();
            return isMarker(s) ? Value.unknown(s.substring(UNKNOWN_PREFIX.length(), s.length() - 1)) : Value.str(s);
        }
        if (n.isNumber()) {
            return new Value.Num(n.decimalValue());
        }
        if (n.isBoolean()) {
            return Value.bool(n.asBoolean());
        }
        if (n.isArray()) {
            List<Value> items = new java.util.ArrayList<>();
            for (JsonNode i : n) {
                items.add(fromJson(i, budget, depth + 1));
            }
            return new Value.Lst(items);
        }
        Map<String, Value> fields = new LinkedHashMap<>();
        for (var e : n.properties()) {
            fields.put(e.getKey(), fromJson(e.getValue(), budget, depth + 1));
        }
        return new Value.Obj(fields);
    }

    /** A number value of an integer. */
    public static Value num(long n) {
        return new Value.Num(BigDecimal.valueOf(n));
    }
}
