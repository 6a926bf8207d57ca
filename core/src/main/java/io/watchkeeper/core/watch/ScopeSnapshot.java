package io.watchkeeper.core.watch;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;
import tools.jackson.databind.JsonNode;

/**
 * Everything a successful listing of one scope saw, to be stored in one transaction.
 *
 * @param scope the scope
 * @param runId the watch run
 * @param items resources read completely
 * @param unreadable ids listed but not described: their history is left untouched
 * @param durableView strips ephemeral values from a stored config of this type (for diffs)
 */
public record ScopeSnapshot(
        WatchScope scope, long runId, List<ObservedItem> items, Set<String> unreadable,
        UnaryOperator<JsonNode> durableView) {

    public ScopeSnapshot {
        Objects.requireNonNull(scope, "scope");
        items = List.copyOf(items);
        unreadable = Set.copyOf(unreadable);
        Objects.requireNonNull(durableView, "durableView");
    }
}
