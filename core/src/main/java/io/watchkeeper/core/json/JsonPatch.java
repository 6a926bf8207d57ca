package io.watchkeeper.core.json;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * RFC 6902 JSON Patch between two JSON documents: {@link #diff} produces add/remove/replace
 * operations, {@link #apply} replays add/remove/replace/test. Arrays are compared after their
 * common prefix and suffix, element by element, so a change inside one list entry stays a small
 * patch.
 */
public final class JsonPatch {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonPatch() {}

    /** The operations that turn {@code source} into {@code target}; empty when they are equal. */
    public static ArrayNode diff(JsonNode source, JsonNode target) {
        ArrayNode ops = NODES.arrayNode();
        JsonNode from = source == null ? NODES.nullNode() : source;
        JsonNode to = target == null ? NODES.nullNode() : target;
        diff("", from, to, ops);
        return ops;
    }

    private static void diff(String path, JsonNode from, JsonNode to, ArrayNode ops) {
        if (from.equals(to)) {
            return;
        }
        if (from.isObject() && to.isObject()) {
            for (Map.Entry<String, JsonNode> e : from.properties()) {
                String child = path + "/" + escape(e.getKey());
                JsonNode other = to.get(e.getKey());
                if (other == null) {
                    ops.add(op("remove", child, null));
                } else {
                    diff(child, e.getValue(), other, ops);
                }
            }
            for (Map.Entry<String, JsonNode> e : to.properties()) {
                if (!from.has(e.getKey())) {
                    ops.add(op("add", path + "/" + escape(e.getKey()), e.getValue()));
                }
            }
        } else if (from.isArray() && to.isArray()) {
            diffArrays(path, from, to, ops);
        } else {
            ops.add(op("replace", path, to));
        }
    }

    private static void diffArrays(String path, JsonNode from, JsonNode to, ArrayNode ops) {
        int prefix = 0;
        while (prefix < from.size() && prefix < to.size() && from.get(prefix).equals(to.get(prefix))) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < from.size() - prefix && suffix < to.size() - prefix
                && from.get(from.size() - 1 - suffix).equals(to.get(to.size() - 1 - suffix))) {
            suffix++;
        }
        int fromMiddle = from.size() - prefix - suffix;
        int toMiddle = to.size() - prefix - suffix;
        int paired = Math.min(fromMiddle, toMiddle);
        for (int i = 0; i < paired; i++) {
            diff(path + "/" + (prefix + i), from.get(prefix + i), to.get(prefix + i), ops);
        }
        for (int i = fromMiddle - 1; i >= paired; i--) {
            ops.add(op("remove", path + "/" + (prefix + i), null));
        }
        for (int i = paired; i < toMiddle; i++) {
            ops.add(op("add", path + "/" + (prefix + i), to.get(prefix + i)));
        }
    }

    private static ObjectNode op(String name, String path, JsonNode value) {
        ObjectNode op = NODES.objectNode();
        op.put("op", name);
        op.put("path", path);
        if (value != null) {
            op.set("value", value.deepCopy());
        }
        return op;
    }

    /** Applies {@code patch} to a copy of {@code document} and returns the result. */
    public static JsonNode apply(JsonNode document, JsonNode patch) {
        Objects.requireNonNull(patch, "patch");
        JsonNode root = document == null ? NODES.nullNode() : document.deepCopy();
        for (JsonNode op : patch) {
            String name = op.path("op").asString();
            List<String> tokens = parse(op.path("path").asString());
            root = switch (name) {
                case "add" -> add(root, tokens, op.get("value"));
                case "remove" -> remove(root, tokens);
                case "replace" -> add(remove(root, tokens), tokens, op.get("value"));
                case "test" -> test(root, tokens, op.get("value"));
                default -> throw new IllegalArgumentException("unsupported patch operation '" + name + "'");
            };
        }
        return root;
    }

    private static JsonNode add(JsonNode root, List<String> tokens, JsonNode value) {
        if (value == null) {
            throw new IllegalArgumentException("patch operation without a value");
        }
        if (tokens.isEmpty()) {
            return value.deepCopy();
        }
        JsonNode parent = resolve(root, tokens.subList(0, tokens.size() - 1));
        String last = tokens.getLast();
        if (parent instanceof ObjectNode object) {
            object.set(last, value.deepCopy());
        } else if (parent instanceof ArrayNode array) {
            if ("-".equals(last)) {
                array.add(value.deepCopy());
            } else {
                int index = index(last, array.size() + 1);
                array.insert(index, value.deepCopy());
            }
        } else {
            throw new IllegalArgumentException("cannot add below a scalar at " + tokens);
        }
        return root;
    }

    private static JsonNode remove(JsonNode root, List<String> tokens) {
        if (tokens.isEmpty()) {
            return NODES.nullNode();
        }
        JsonNode parent = resolve(root, tokens.subList(0, tokens.size() - 1));
        String last = tokens.getLast();
        if (parent instanceof ObjectNode object) {
            if (object.remove(last) == null) {
                throw new IllegalArgumentException("nothing to remove at " + tokens);
            }
        } else if (parent instanceof ArrayNode array) {
            array.remove(index(last, array.size()));
        } else {
            throw new IllegalArgumentException("nothing to remove at " + tokens);
        }
        return root;
    }

    private static JsonNode test(JsonNode root, List<String> tokens, JsonNode expected) {
        if (!Objects.equals(resolve(root, tokens), expected)) {
            throw new IllegalArgumentException("patch test failed at " + tokens);
        }
        return root;
    }

    private static JsonNode resolve(JsonNode root, List<String> tokens) {
        JsonNode node = root;
        for (String token : tokens) {
            node = node.isArray() ? node.get(index(token, node.size())) : node.get(token);
            if (node == null) {
                throw new IllegalArgumentException("path not found: /" + String.join("/", tokens));
            }
        }
        return node;
    }

    private static int index(String token, int limit) {
        try {
            int i = Integer.parseInt(token);
            if (i < 0 || i >= limit) {
                throw new IllegalArgumentException("array index out of range: " + token);
            }
            return i;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an array index: " + token, e);
        }
    }

    private static List<String> parse(String pointer) {
        List<String> tokens = new ArrayList<>();
        if (pointer.isEmpty()) {
            return tokens;
        }
        if (!pointer.startsWith("/")) {
            throw new IllegalArgumentException("JSON pointer must start with '/': " + pointer);
        }
        Iterator<String> parts = List.of(pointer.substring(1).split("/", -1)).iterator();
        while (parts.hasNext()) {
            tokens.add(parts.next().replace("~1", "/").replace("~0", "~"));
        }
        return tokens;
    }

    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
