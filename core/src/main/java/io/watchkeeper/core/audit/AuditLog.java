package io.watchkeeper.core.audit;

/** The append-only log of every write by a person or a job. */
public interface AuditLog {

    void record(AuditEntry entry);
}
