package io.watchkeeper.core.remediation;

import io.watchkeeper.core.access.AccountScope;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Remediations, modes and the global settings. Status changes are compare-and-set. */
public interface RemediationStore {

    /** A new plan; fails when the finding already has a pending one. */
    RemediationView create(NewRemediation plan);

    Optional<RemediationView> find(long id);

    Optional<RemediationView> pendingFor(long findingId);

    /** Newest first, only remediations of accounts in {@code scope}. */
    List<RemediationView> list(RemediationStatus status, AccountScope scope, int limit);

    /** Moves {@code id} from {@code from} to {@code to} if it is still in {@code from}; returns whether it moved. */
    boolean transition(long id, RemediationStatus from, RemediationStatus to, StatusUpdate update);

    /**
     * Claims one change of the account's budget and moves the status, atomically across every node
     * sharing the database: at most {@link #maxChangesPerAccountPerHour()} changes (applies and
     * rollbacks) start per account within {@code window}. Nothing is written unless the outcome is
     * {@link ChangeClaim.Outcome#CLAIMED}.
     */
    ChangeClaim claimChange(long id, long accountId, RemediationStatus from, RemediationStatus to, StatusUpdate update,
                            ChangeClaim.Kind kind, Duration window);

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
