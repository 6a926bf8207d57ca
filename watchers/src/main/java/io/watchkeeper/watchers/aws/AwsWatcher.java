package io.watchkeeper.watchers.aws;

import io.watchkeeper.aws.AwsErrors;
import io.watchkeeper.aws.AwsSession;

import io.watchkeeper.core.model.ResourceType;
import io.watchkeeper.core.watch.CloudSession;
import io.watchkeeper.core.watch.Observation;
import io.watchkeeper.core.watch.ScopeKind;
import io.watchkeeper.core.watch.WatchScope;
import io.watchkeeper.core.watch.Watcher;
import io.watchkeeper.watchers.Fanout;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What every AWS watcher shares: its identity, the session cast, SDK errors turned into
 * categorised ones, and a per-resource describe step whose failures mark only that resource
 * unreadable.
 */
public abstract class AwsWatcher<C extends Record> implements Watcher<C> {

    private final ResourceType type;
    private final Class<C> configType;
    private final ScopeKind scopeKind;
    private final Set<String> permissions;

    protected AwsWatcher(String type, Class<C> configType, ScopeKind scopeKind, String... permissions) {
        this.type = ResourceType.of(type);
        this.configType = configType;
        this.scopeKind = scopeKind;
        this.permissions = Set.of(permissions);
    }

    @Override
    public final ResourceType type() {
        return type;
    }

    @Override
    public final Class<C> configType() {
        return configType;
    }

    @Override
    public final ScopeKind scopeKind() {
        return scopeKind;
    }

    @Override
    public final Set<String> requiredPermissions() {
        return permissions;
    }

    @Override
    public final List<Observation<C>> observe(WatchScope scope, CloudSession session) {
        try {
            return observe(scope, (AwsSession) session);
        } catch (RuntimeException e) {
            throw AwsErrors.translate("listing " + type + " in " + scope.region(), e);
        }
    }

    /** Lists and describes the scope's resources. An exception fails the whole scope. */
    protected abstract List<Observation<C>> observe(WatchScope scope, AwsSession aws);

    /**
     * Describes each listed resource on virtual threads; a resource whose describe calls fail is
     * returned as {@link Observation.Unreadable} and the others are kept.
     */
    protected <T> List<Observation<C>> describeEach(List<T> listed, Function<T, String> resourceId,
                                                    Function<T, String> name, Function<T, Observation<C>> describe) {
        return Fanout.map(listed, item -> {
            try {
                return describe.apply(item);
            } catch (RuntimeException e) {
                return new Observation.Unreadable<>(resourceId.apply(item), name.apply(item), AwsErrors.category(e),
                        AwsErrors.describe(e));
            }
        });
    }


    /** The value of {@code call}, or null when AWS answers with one of the "not found" codes. */
    protected static <T> T orNull(Supplier<T> call, String... notFoundCodes) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            if (AwsErrors.isNotFound(e, notFoundCodes)) {
                return null;
            }
            throw e;
        }
    }

    /** AWS tag lists as a sorted map. */
    protected static <T> Map<String, String> tags(List<T> tags, Function<T, String> key, Function<T, String> value) {
        Map<String, String> out = new TreeMap<>();
        if (tags != null) {
            tags.forEach(t -> out.put(key.apply(t), value.apply(t) == null ? "" : value.apply(t)));
        }
        return out;
    }

    /** The value of the {@code Name} tag, or {@code fallback} when it is missing or empty. */
    protected static String nameTag(Map<String, String> tags, String fallback) {
        String name = tags.get("Name");
        return name == null || name.isBlank() ? fallback : name;
    }

    /** A sorted copy, so that list order returned by AWS never makes a revision. */
    protected static <T> List<T> sorted(List<T> items, Comparator<? super T> order) {
        return items == null ? List.of() : items.stream().sorted(order).toList();
    }
}
