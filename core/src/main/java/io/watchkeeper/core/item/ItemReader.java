package io.watchkeeper.core.item;

import java.util.List;
import java.util.Optional;

/** Read access to items and their history. */
public interface ItemReader {

    List<ItemSummary> list(ItemFilter filter);

    Optional<ItemSummary> find(long id);

    /** Revisions, oldest first. */
    List<Revision> history(long id);
}
