package io.watchkeeper.core.tuner;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Usage evidence per principal and action, kept as state (never one row per event). */
public interface EvidenceStore {

    /** CloudTrail tallies: per (principal, action, source) the latest last-seen wins and counts add up. */
    void merge(List<UsageEvidence> rows);

    /** Actions that appeared in {@code logAccount}'s CloudTrail logs: proof that the trail logs them. */
    void mergeLogged(String logAccount, Map<String, Instant> actions);

    /** Events that could not be mapped to actions. */
    void mergeUnmapped(List<UnmappedEvent> rows);

    /** Replaces a principal's last-accessed evidence with a fresh report (or records that none came). */
    void replaceLastAccessed(String principalArn, List<UsageEvidence> rows, LastAccessedRun run);

    List<UsageEvidence> evidence(Collection<String> principalArns);

    /** Lower-case qualified actions seen in the account's logs. */
    Set<String> loggedActions(String logAccount);

    List<UnmappedEvent> unmapped(Collection<String> principalArns);

    Map<String, LastAccessedRun> lastAccessedRuns(Collection<String> principalArns);

    /** AccessDenied evidence of a principal last seen after {@code since}. */
    List<UsageEvidence> deniedSince(String principalArn, Instant since);
}
