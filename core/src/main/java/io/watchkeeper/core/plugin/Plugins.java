package io.watchkeeper.core.plugin;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Builds a registry of plugins from {@code META-INF/services}. Plugins are found, not listed:
 * a new watcher or check is one class and one test. Duplicate ids stop start-up.
 */
public final class Plugins {

    private Plugins() {}

    public static <T> Map<String, T> load(Class<T> spi, Function<T, String> id) {
        return index(ServiceLoader.load(spi, Plugins.class.getClassLoader()), id);
    }

    public static <T> Map<String, T> index(Iterable<? extends T> plugins, Function<T, String> id) {
        Map<String, T> byId = new TreeMap<>();
        Map<String, String> classes = new LinkedHashMap<>();
        for (T plugin : plugins) {
            String key = id.apply(plugin);
            String previous = classes.put(key, plugin.getClass().getName());
            if (previous != null) {
                throw new IllegalStateException("duplicate plugin id '" + key + "': " + previous + " and "
                        + plugin.getClass().getName());
            }
            byId.put(key, plugin);
        }
        return Collections.unmodifiableMap(byId);
    }
}
