package io.watchkeeper.watchers.gcp;

import io.watchkeeper.core.model.ResourceType;
import io.watchkeeper.core.watch.CloudSession;
import io.watchkeeper.core.watch.Observation;
import io.watchkeeper.core.watch.ScopeKind;
import io.watchkeeper.core.watch.WatchScope;
import io.watchkeeper.core.watch.Watcher;
import io.watchkeeper.gcp.GcpErrors;
import io.watchkeeper.gcp.GcpSession;
import io.watchkeeper.watchers.Fanout;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * What every GCP watcher shares: its identity, the session cast, client errors turned into
 * categorised ones, and a per-resource step whose failures mark only that resource unreadable.
 * GCP types are watched once per project ({@link ScopeKind#GLOBAL}): aggregated lists and
 * location wildcards ({@code locations/-}) cover every region in one paged listing.
 */
public abstract class GcpWatcher<C extends Record> implements Watcher<C> {

    private final ResourceType type;
    private final Class<C> configType;
    private final Set<String> permissions;

    protected GcpWatcher(String type, Class<C> configType, String... permissions) {
        this.type = ResourceType.of(type);
        this.configType = configType;
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
        return ScopeKind.GLOBAL;
    }

    @Override
    public final Set<String> requiredPermissions() {
        return permissions;
    }

    @Override
    public final List<Observation<C>> observe(WatchScope scope, CloudSession session) {
        try {
            return observe((GcpSession) session);
        } catch (RuntimeException e) {
            throw GcpErrors.translate("listing " + type + " in project " + scope.account().externalId(), e);
        }
    }

    /** Lists (and where a list does not carry everything, describes) the project's resources. An exception fails the scope. */
    protected abstract List<Observation<C>> observe(GcpSession gcp);

    /**
     * Runs {@code describe} for each listed resource on virtual threads; a resource whose calls fail
     * is returned as {@link Observation.Unreadable} and the others are kept.
     */
    protected <T> List<Observation<C>> describeEach(List<T> listed, Function<T, String> resourceId,
                                                    Function<T, String> name, Function<T, Observation<C>> describe) {
        return Fanout.map(listed, item -> {
            try {
                return describe.apply(item);
            } catch (RuntimeException e) {
                return new Observation.Unreadable<>(resourceId.apply(item), name.apply(item), GcpErrors.category(e),
                        GcpErrors.describe(e));
            }
        });
    }

    /** An observation with the project as its region when the resource has none of its own. */
    protected static <C extends Record> Observation<C> observed(String resourceId, String name, String region, C config) {
        return new Observation.Observed<>(resourceId, name, region == null || region.isBlank() ? WatchScope.GLOBAL : region,
                config);
    }
}
