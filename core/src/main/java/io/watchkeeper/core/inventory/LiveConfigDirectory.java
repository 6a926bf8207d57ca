package io.watchkeeper.core.inventory;

import java.util.Collection;
import java.util.List;

/**
 * Port: the watched resources' latest configuration, looked up by type and name or resource id
 * (code scanning compares the configuration a pull request plans with the live one). Implemented
 * in db over the stored items; only live (not deleted) items' latest revisions count.
 */
public interface LiveConfigDirectory {

    /** At most this many names per call; more are ignored. */
    int MAX_NAMES = 1000;

    /** The live items of {@code type} whose name or resource id is one of {@code namesOrIds}. */
    List<LiveItem> find(String type, Collection<String> namesOrIds);

    /** A directory that knows nothing (no database, or the join turned off). */
    LiveConfigDirectory NONE = (type, names) -> List.of();
}
