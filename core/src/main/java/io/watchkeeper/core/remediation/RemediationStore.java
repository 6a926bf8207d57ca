package io.watchkeeper.core.remediation;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** Remediations, modes and the global settings. Status changes are compare-and-set. */
public interface RemediationStore {

    /** A new plan; fails when the finding already has a pending one. */
    RemediationView create(String remediationId, long findingId, long accountId, long itemId, String resourceId,
                           String region, RemediationStatus status, RemediationMode mode, RemediationPlan plan,
                           JsonNode beforeConfig, String beforeHash, String requestedBy);

    Optional<RemediationView> find(long id);

    Optional<RemediationView> pendingFor(long findingId);

    List<RemediationView> list(RemediationStatus status, int limit);

    /**
     * Moves {@code id} from {@code from} to {@code to} if it is still in {@code from}; returns whether
     * it moved. {@code approvedBy}, {@code rollbackPlan} and {@code error} are set when not null.
     */
    boolean transition(long id, RemediationStatus from, RemediationStatus to, String approvedBy,
                       RemediationPlan rollbackPlan, String error);

    /** Remediations of the account whose calls started within the last {@code window}. */
    int appliedSince(long accountId, Duration window);

    /** APPLYING rows not updated for {@code olderThan}: left by a process that stopped. */
    List<RemediationView> stuckApplying(Duration olderThan);

    RemediationMode mode(String remediationId, long accountId);

    void setMode(String remediationId, Long accountId, RemediationMode mode, String by);

    List<ModeSetting> modes();

    boolean killSwitch();

    void setKillSwitch(boolean on, String by);

    int maxChangesPerAccountPerHour();

    void setMaxChangesPerAccountPerHour(int max, String by);

    /** A configured mode; accountId null means every account. */
    record ModeSetting(String remediationId, Long accountId, RemediationMode mode) {}
}
