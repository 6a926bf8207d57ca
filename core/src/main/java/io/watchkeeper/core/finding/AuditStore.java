package io.watchkeeper.core.finding;

import io.watchkeeper.core.model.Account;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What the auditor reads and writes. */
public interface AuditStore {

    List<Account> accounts();

    /** Current state of the items of {@code types} in {@code accountId} (all when {@code types} is empty). */
    List<ItemSnapshot> items(long accountId, Set<String> types);

    /** Current state of the given items. */
    List<ItemSnapshot> items(Collection<Long> itemIds);

    List<CheckOverride> overrides();

    /** Check parameters set by people (every account's and each account's). */
    default List<CheckParameter> checkParameters() {
        return List.of();
    }

    List<SuppressionRule> activeSuppressions();

    /** Every stored finding of the given items, any status. */
    Map<Long, List<StoredFinding>> findings(Collection<Long> itemIds);

    /** Applies one pass's decisions in one transaction. */
    void apply(FindingChanges changes);

    long startRun(String trigger, String actor);

    void finishRun(long runId, AuditSummary summary);
}
