package io.watchkeeper.core.audit;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Reads the audit log newest first, a keyset page at a time. */
public interface AuditLogReader {

    /**
     * Which entries a reader limited to some accounts may see: those it made itself (as
     * {@code username} or {@code username (token N)}), those about itself ({@code user:<username>})
     * and those tied to one of {@code accountIds}.
     */
    record Visibility(String username, Set<Long> accountIds) {
        public Visibility {
            Objects.requireNonNull(username, "username");
            accountIds = Set.copyOf(accountIds);
        }
    }

    /**
     * Entries matching the filter, newest first.
     *
     * @param actor exact actor, or null
     * @param actionPrefix action prefix ({@code finding.}), or null
     * @param target substring of the target, or null
     * @param beforeId only entries older than this id (the last id of the previous page), or null
     * @param limit page size, 1..500
     * @param visibility the entries the reader may see, or null for all
     */
    List<AuditRecord> list(String actor, String actionPrefix, String target, Long beforeId, int limit,
                           Visibility visibility);

    /** Every entry matching the filter (an unrestricted reader). */
    default List<AuditRecord> list(String actor, String actionPrefix, String target, Long beforeId, int limit) {
        return list(actor, actionPrefix, target, beforeId, limit, null);
    }
}
