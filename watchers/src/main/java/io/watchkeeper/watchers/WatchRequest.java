package io.watchkeeper.watchers;

import io.watchkeeper.core.model.Account;
import io.watchkeeper.core.model.ResourceType;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What to watch.
 *
 * @param accounts accounts to watch
 * @param types resource types (empty: every type of each account's provider)
 * @param regions regions (empty: each account's regions)
 * @param trigger {@code manual} or {@code schedule}
 * @param actor who asked
 * @param waitForBusyScopes wait for a scope another run holds (manual) rather than skip it (schedule)
 */
public record WatchRequest(List<Account> accounts, Set<ResourceType> types, Set<String> regions, String trigger,
                           String actor, boolean waitForBusyScopes) {

    public WatchRequest {
        accounts = List.copyOf(accounts);
        types = Set.copyOf(types);
        regions = Set.copyOf(regions);
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(actor, "actor");
    }
}
