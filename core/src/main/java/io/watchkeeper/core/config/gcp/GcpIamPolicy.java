package io.watchkeeper.core.config.gcp;

import io.watchkeeper.core.json.Ephemeral;
import java.util.List;

/**
 * An IAM policy as GCP returns it (version 3, so conditional bindings are complete).
 *
 * @param version the policy version (1 or 3)
 * @param bindings role bindings, sorted by role then condition
 * @param auditConfigs Data Access audit log settings, sorted by service (project and organisation policies only)
 * @param etag changes with every write of the policy (used for read-modify-write, not a setting)
 */
public record GcpIamPolicy(int version, List<Binding> bindings, List<AuditConfig> auditConfigs, @Ephemeral String etag) {

    public static final GcpIamPolicy EMPTY = new GcpIamPolicy(1, List.of(), List.of(), null);

    public GcpIamPolicy {
        bindings = bindings == null ? List.of() : List.copyOf(bindings);
        auditConfigs = auditConfigs == null ? List.of() : List.copyOf(auditConfigs);
    }

    /**
     * One binding.
     *
     * @param role {@code roles/viewer}, {@code projects/p/roles/custom}, …
     * @param members members, sorted ({@code user:}, {@code serviceAccount:}, {@code group:}, {@code domain:},
     *     {@code allUsers}, {@code allAuthenticatedUsers}, {@code principal://…}, {@code deleted:…})
     * @param condition the IAM condition, or null when the binding is unconditional
     */
    public record Binding(String role, List<String> members, Condition condition) {
        public Binding {
            members = members == null ? List.of() : List.copyOf(members);
        }
    }

    /** A CEL condition on a binding. */
    public record Condition(String title, String description, String expression) {}

    /**
     * Audit logging of one service ({@code allServices} for every service).
     *
     * @param service the service, e.g. {@code storage.googleapis.com} or {@code allServices}
     * @param auditLogConfigs the log types turned on, sorted by type
     */
    public record AuditConfig(String service, List<AuditLogConfig> auditLogConfigs) {
        public AuditConfig {
            auditLogConfigs = auditLogConfigs == null ? List.of() : List.copyOf(auditLogConfigs);
        }
    }

    /**
     * @param logType ADMIN_READ, DATA_READ or DATA_WRITE
     * @param exemptedMembers members whose accesses are not logged, sorted
     */
    public record AuditLogConfig(String logType, List<String> exemptedMembers) {
        public AuditLogConfig {
            exemptedMembers = exemptedMembers == null ? List.of() : List.copyOf(exemptedMembers);
        }
    }
}
