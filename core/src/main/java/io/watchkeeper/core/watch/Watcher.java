package io.watchkeeper.core.watch;

import io.watchkeeper.core.model.ResourceType;
import java.util.List;
import java.util.Set;

/**
 * Snapshots one resource type. One small class per type, registered through
 * {@code META-INF/services} (AutoService), so adding a watcher touches no central list.
 *
 * @param <C> the typed configuration record stored for each resource
 */
public interface Watcher<C extends Record> {

    ResourceType type();

    Class<C> configType();

    ScopeKind scopeKind();

    /** The provider permissions the watcher needs, for documentation and IAM templates. */
    Set<String> requiredPermissions();

    /**
     * Lists and describes every resource of the type in the scope. Throws when the listing
     * itself fails (the whole scope is then reported failed and nothing is marked deleted);
     * returns {@link Observation.Unreadable} for single resources that could not be described.
     */
    List<Observation<C>> observe(WatchScope scope, CloudSession session);
}
