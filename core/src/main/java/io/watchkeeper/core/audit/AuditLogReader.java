package io.watchkeeper.core.audit;

import java.util.List;

/** Reads the audit log newest first, a keyset page at a time. */
public interface AuditLogReader {

    /**
     * Entries matching the filter, newest first.
     *
     * @param actor exact actor, or null
     * @param actionPrefix action prefix ({@code finding.}), or null
     * @param target substring of the target, or null
     * @param beforeId only entries older than this id (the last id of the previous page), or null
     * @param limit page size, 1..500
     */
    List<AuditRecord> list(String actor, String actionPrefix, String target, Long beforeId, int limit);
}
