package io.watchkeeper.watchers;

import io.watchkeeper.core.model.InvalidInputException;
import io.watchkeeper.core.model.Provider;
import io.watchkeeper.core.model.ResourceType;
import io.watchkeeper.core.plugin.Plugins;
import io.watchkeeper.core.watch.Watcher;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Every watcher on the class path, found through {@code META-INF/services}. */
public final class WatcherRegistry {

    @SuppressWarnings("rawtypes")
    private final Map<String, Watcher> byType;

    @SuppressWarnings("rawtypes")
    public WatcherRegistry(Iterable<? extends Watcher> watchers) {
        this.byType = Plugins.index(watchers, w -> w.type().id());
    }

    @SuppressWarnings("rawtypes")
    public static WatcherRegistry discover() {
        return new WatcherRegistry(Plugins.load(Watcher.class, w -> w.type().id()).values());
    }

    public Watcher<?> require(String typeId) {
        Watcher<?> watcher = byType.get(typeId);
        if (watcher == null) {
            throw new InvalidInputException("unknown resource type '" + typeId + "' (known: "
                    + String.join(", ", byType.keySet()) + ")");
        }
        return watcher;
    }

    public Watcher<?> require(ResourceType type) {
        return require(type.id());
    }

    @SuppressWarnings("unchecked")
    public Collection<Watcher<?>> all() {
        return (Collection<Watcher<?>>) (Collection<?>) byType.values();
    }

    public List<Watcher<?>> forProvider(Provider provider) {
        return all().stream().filter(w -> w.type().provider() == provider).toList();
    }
}
