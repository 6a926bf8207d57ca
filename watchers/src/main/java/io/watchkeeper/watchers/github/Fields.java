package io.watchkeeper.watchers.github;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/**
 * Reading GitHub's JSON: absent, null and mistyped values become null (never an exception), text is
 * bounded, lists are sorted so that GitHub's order never makes a revision.
 */
final class Fields {

    static final int MAX_TEXT = 1024;

    private Fields() {}

    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull() || value.isContainer()) {
            return null;
        }
        String text = value.asString();
        return text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
    }

    static Boolean bool(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isBoolean() ? value.booleanValue() : null;
    }

    static boolean isTrue(JsonNode node, String field) {
        return Boolean.TRUE.equals(bool(node, field));
    }

    static Long number(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isIntegralNumber() ? value.longValue() : null;
    }

    static long id(JsonNode node) {
        Long id = number(node, "id");
        return id == null ? 0 : id;
    }

    static Instant instant(JsonNode node, String field) {
        String text = text(node, field);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The text values of an array field, sorted; empty when absent. */
    static List<String> strings(JsonNode node, String field) {
        JsonNode array = node == null ? null : node.get(field);
        List<String> out = new ArrayList<>();
        if (array != null && array.isArray()) {
            for (JsonNode item : array) {
                if (item.isValueNode() && !item.isNull()) {
                    out.add(bounded(item.asString()));
                }
            }
        }
        out.sort(null);
        return List.copyOf(out);
    }

    /** An object's scalar members as text, sorted by name (e.g. an App's permissions). */
    static Map<String, String> textMap(JsonNode node) {
        Map<String, String> out = new TreeMap<>();
        if (node != null && node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                if (e.getValue().isValueNode() && !e.getValue().isNull()) {
                    out.put(bounded(e.getKey()), bounded(e.getValue().asString()));
                }
            }
        }
        return out;
    }

    /**
     * A rule's parameters as text: scalars as they are, arrays joined with commas (objects in them
     * by their {@code context}, {@code name} or {@code pattern}), nested objects flattened with dots.
     */
    static Map<String, String> flatten(JsonNode parameters) {
        Map<String, String> out = new TreeMap<>();
        flatten("", parameters, out);
        return out;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        if (node == null || !node.isObject() || out.size() > 100) {
            return;
        }
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            String key = prefix + e.getKey();
            JsonNode value = e.getValue();
            if (value.isObject()) {
                flatten(key + ".", value, out);
            } else if (value.isArray()) {
                List<String> items = new ArrayList<>();
                for (JsonNode item : value) {
                    items.add(item.isObject() ? first(item, "context", "name", "pattern", "ref", "path") : item.asString());
                }
                items.sort(null);
                out.put(bounded(key), bounded(String.join(",", items)));
            } else if (!value.isNull()) {
                out.put(bounded(key), bounded(value.asString()));
            }
        }
    }

    private static String first(JsonNode item, String... fields) {
        for (String f : fields) {
            String v = text(item, f);
            if (v != null) {
                return v;
            }
        }
        return item.toString();
    }

    static String bounded(String text) {
        return text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
    }
}
