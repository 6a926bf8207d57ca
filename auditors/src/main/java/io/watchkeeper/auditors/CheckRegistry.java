package io.watchkeeper.auditors;

import io.watchkeeper.core.finding.Check;
import io.watchkeeper.core.finding.CheckSet;
import io.watchkeeper.core.model.InvalidInputException;
import io.watchkeeper.core.plugin.Plugins;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every check on the class path, by id and by resource type: the single-class checks and the checks
 * of every {@link CheckSet} (both found through META-INF/services). Duplicate ids stop start-up.
 */
public final class CheckRegistry {

    private final Map<String, Check<?>> byId;
    private final Map<String, List<Check<?>>> byType = new TreeMap<>();

    public CheckRegistry(Iterable<? extends Check<?>> checks) {
        this.byId = Plugins.index(checks, c -> c.id().id());
        Map<String, Class<?>> configTypes = new HashMap<>();
        for (Check<?> check : byId.values()) {
            String type = check.appliesTo().id();
            Class<?> previous = configTypes.putIfAbsent(type, check.configType());
            if (previous != null && previous != check.configType()) {
                throw new IllegalStateException("checks of " + type + " disagree on the config type: " + previous.getName()
                        + " and " + check.configType().getName() + " (" + check.id() + ")");
            }
            byType.computeIfAbsent(type, t -> new ArrayList<>()).add(check);
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    public static CheckRegistry discover() {
        List<Check<?>> checks = new ArrayList<>();
        for (Check check : ServiceLoader.load(Check.class, CheckRegistry.class.getClassLoader())) {
            checks.add(check);
        }
        for (CheckSet set : ServiceLoader.load(CheckSet.class, CheckRegistry.class.getClassLoader())) {
            checks.addAll(set.checks());
        }
        return new CheckRegistry(checks);
    }

    public Collection<Check<?>> all() {
        return byId.values();
    }

    public Check<?> require(String id) {
        Check<?> check = byId.get(id);
        if (check == null) {
            throw new InvalidInputException("unknown check '" + id + "' (see 'watchkeeper checks list')");
        }
        return check;
    }

    public List<Check<?>> forType(String type) {
        return byType.getOrDefault(type, List.of());
    }

    public Set<String> types() {
        return byType.keySet();
    }

    /** Types whose checks read {@code changedType} through the context. */
    public Set<String> dependentsOf(String changedType) {
        Set<String> out = new java.util.TreeSet<>();
        for (Check<?> check : byId.values()) {
            if (check.dependsOn().stream().anyMatch(t -> t.id().equals(changedType))) {
                out.add(check.appliesTo().id());
            }
        }
        return out;
    }
}
