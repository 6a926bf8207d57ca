package io.watchkeeper.core.watch;

import java.util.List;

/**
 * What storing one scope did.
 *
 * @param counts counts by kind of change
 * @param changedItemIds items that got a new revision (created, changed, recreated, deleted): what to audit
 */
public record StoredScope(ScopeCounts counts, List<Long> changedItemIds) {

    public StoredScope {
        changedItemIds = List.copyOf(changedItemIds);
    }
}
