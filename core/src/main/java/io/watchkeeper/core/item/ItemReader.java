package io.watchkeeper.core.item;

import java.util.List;
import java.util.Optional;

/** Read access to items and their history. */
public interface ItemReader {

    List<ItemSummary> list(ItemFilter filter);

    Optional<ItemSummary> find(long id);

    /** Revisions, oldest first. */
    List<Revision> history(long id);

    /**
     * The item's account and its revisions (oldest first) in one read, for a caller whose account scope
     * must be checked first; empty when there is no such item.
     */
    Optional<OwnedHistory> ownedHistory(long id);

    /** An item's revisions with the account that owns the item. */
    record OwnedHistory(long accountId, List<Revision> revisions) {}

    /** Revisions without their documents, newest first: one indexed read, nothing parsed. */
    List<RevisionEntry> timeline(long id);

    /** The item with its latest revision's configuration (null when deleted), in one read. */
    Optional<Current> findWithConfig(long id);

    /**
     * The item page in one read: the item, its current configuration (null when deleted), its timeline
     * (newest first) and its findings (at most 500, worst first).
     */
    Optional<Page> page(long id);

    /** Everything the item page shows. */
    record Page(ItemSummary item, tools.jackson.databind.JsonNode config, List<RevisionEntry> timeline,
                List<io.watchkeeper.core.finding.FindingView> findings) {}

    /** An item and its current configuration. */
    record Current(ItemSummary item, tools.jackson.databind.JsonNode config) {}
}
