package io.watchkeeper.core.json;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON paths of a config record that hold {@link Ephemeral} values, derived once from the
 * record's structure ({@code accessKeys/&#42;/lastUsedDate}). Stripping them from a stored tree gives
 * the durable view, so stored revisions can be compared without their Java type.
 */
public final class EphemeralPaths {

    private static final String ANY = "*";
    private static final ClassValue<EphemeralPaths> CACHE = new ClassValue<>() {
        @Override
        protected EphemeralPaths computeValue(Class<?> type) {
            List<List<String>> paths = new ArrayList<>();
            collect(type, new ArrayList<>(), paths, 0);
            return new EphemeralPaths(paths);
        }
    };

    private final List<List<String>> paths;

    private EphemeralPaths(List<List<String>> paths) {
        this.paths = List.copyOf(paths);
    }

    public static EphemeralPaths of(Class<? extends Record> type) {
        return CACHE.get(type);
    }

    /** Paths as slash-separated strings, for documentation and tests. */
    public List<String> describe() {
        return paths.stream().map(p -> String.join("/", p)).toList();
    }

    /** A copy of {@code tree} without the ephemeral values; the input is not modified. */
    public JsonNode strip(JsonNode tree) {
        if (paths.isEmpty() || tree == null) {
            return tree;
        }
        JsonNode copy = tree.deepCopy();
        for (List<String> path : paths) {
            remove(copy, path, 0);
        }
        return copy;
    }

    private static void remove(JsonNode node, List<String> path, int index) {
        if (node == null || node.isNull()) {
            return;
        }
        String step = path.get(index);
        boolean last = index == path.size() - 1;
        if (ANY.equals(step)) {
            if (node.isArray() || node.isObject()) {
                for (JsonNode child : node.values()) {
                    remove(child, path, index + 1);
                }
            }
        } else if (node instanceof ObjectNode object) {
            if (last) {
                object.remove(step);
            } else {
                remove(object.get(step), path, index + 1);
            }
        }
    }

    private static void collect(Type type, List<String> prefix, List<List<String>> out, int depth) {
        if (depth > 12) {
            return;
        }
        Class<?> raw = rawClass(type);
        if (raw == null) {
            return;
        }
        if (raw.isRecord()) {
            for (RecordComponent component : raw.getRecordComponents()) {
                List<String> path = new ArrayList<>(prefix);
                path.add(component.getName());
                if (component.isAnnotationPresent(Ephemeral.class)) {
                    out.add(List.copyOf(path));
                } else {
                    collect(component.getGenericType(), path, out, depth + 1);
                }
            }
        } else if (Collection.class.isAssignableFrom(raw) || Map.class.isAssignableFrom(raw)) {
            if (type instanceof ParameterizedType parameterized) {
                Type[] args = parameterized.getActualTypeArguments();
                List<String> path = new ArrayList<>(prefix);
                path.add(ANY);
                collect(args[args.length - 1], path, out, depth + 1);
            }
        } else if (raw.isArray()) {
            List<String> path = new ArrayList<>(prefix);
            path.add(ANY);
            collect(raw.getComponentType(), path, out, depth + 1);
        }
    }

    private static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) {
            return c;
        }
        return null;
    }
}
