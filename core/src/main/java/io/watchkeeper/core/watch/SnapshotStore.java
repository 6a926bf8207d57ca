package io.watchkeeper.core.watch;

/** Stores what watchers saw, as items with revision history. */
public interface SnapshotStore {

    /**
     * Stores one successfully listed scope in a single transaction: new revisions for new and
     * durably changed items, in-place updates for ephemeral-only changes, deletion revisions for
     * items missing from the listing (never for {@link ScopeSnapshot#unreadable()} ones).
     * Running it twice with the same snapshot writes nothing the second time.
     */
    StoredScope applyScope(ScopeSnapshot snapshot);
}
