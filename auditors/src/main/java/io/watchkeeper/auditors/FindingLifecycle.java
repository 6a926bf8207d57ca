package io.watchkeeper.auditors;

import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.FindingChanges;
import io.watchkeeper.core.finding.FindingStatus;
import io.watchkeeper.core.finding.ItemSnapshot;
import io.watchkeeper.core.finding.ScoreBreakdown;
import io.watchkeeper.core.finding.StoredFinding;
import io.watchkeeper.core.finding.SuppressionRule;
import io.watchkeeper.core.json.CanonicalJson;
import io.watchkeeper.core.json.Json;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Decides what happens to one item's findings after its checks ran. Identity is the fingerprint
 * (check, account, resource, evidence key), never the score or the wording, so:
 * <ul>
 *   <li>a re-score or a reworded message updates the finding; its justification survives;</li>
 *   <li>a justification lapses when it expires or when the evidence it accepted changes (reopened);</li>
 *   <li>evidence that disappears fixes the finding; evidence that returns regresses it;</li>
 *   <li>suppression rules hide matching findings while they are active; findings reopen after.</li>
 * </ul>
 */
public final class FindingLifecycle {

    private static final String ACTOR = "job:auditor";

    private FindingLifecycle() {}

    /**
     * One problem found now.
     *
     * @param checkId check
     * @param evidence the evidence
     * @param score its score
     * @param controls compliance controls
     */
    public record Draft(String checkId, Evidence evidence, ScoreBreakdown score, List<String> controls) {}

    /** Counts of what changed, for summaries. */
    public record Counts(int opened, int regressed, int reopened, int fixed) {
        public Counts plus(Counts o) {
            return new Counts(opened + o.opened, regressed + o.regressed, reopened + o.reopened, fixed + o.fixed);
        }
    }

    public static String fingerprint(String checkId, String accountExternalId, ItemSnapshot item, String evidenceKey) {
        return CanonicalJson.sha256(checkId + "\n" + accountExternalId + "\n" + item.type() + "\n" + item.resourceId()
                + "\n" + evidenceKey);
    }

    /**
     * @param item the item (deleted items fix every finding)
     * @param accountExternalId its account's provider id
     * @param existing its stored findings
     * @param drafts what the checks found now
     * @param evaluated checks that ran on it (a stored finding of another check is left alone)
     * @param disabled checks disabled for its account (their findings become DISABLED)
     * @param suppressions active suppression rules matching (check id, resource id)
     * @param now the audit time
     * @param out where decisions go
     */
    public static Counts reconcile(ItemSnapshot item, String accountExternalId, List<StoredFinding> existing,
                                   List<Draft> drafts, Set<String> evaluated, Set<String> disabled,
                                   Function<String, SuppressionRule> suppressions, OffsetDateTime now,
                                   FindingChanges out) {
        Map<String, StoredFinding> byFingerprint = new HashMap<>();
        existing.forEach(f -> byFingerprint.put(f.fingerprint(), f));
        int opened = 0;
        int regressed = 0;
        int reopened = 0;
        int fixed = 0;
        for (Draft draft : drafts) {
            Evidence e = draft.evidence();
            String fingerprint = fingerprint(draft.checkId(), accountExternalId, item, e.key());
            String hash = e.detailsHash();
            SuppressionRule rule = suppressions.apply(draft.checkId());
            StoredFinding stored = byFingerprint.remove(fingerprint);
            if (stored == null) {
                FindingStatus status = rule == null ? FindingStatus.OPEN : FindingStatus.SUPPRESSED;
                int index = out.insert(new FindingChanges.Insert(fingerprint, draft.checkId(), item, e.key(), e.details(),
                        hash, e.message(), draft.score(), draft.controls(), status, rule == null ? null : rule.id()));
                out.event(new FindingChanges.Event(null, index, rule == null ? "opened" : "opened-suppressed", ACTOR,
                        details("score", draft.score().score(), "rule", rule == null ? null : rule.id())));
                opened++;
                continue;
            }
            boolean evidenceChanged = !hash.equals(stored.evidenceHash());
            boolean rescored = stored.score() != draft.score().score();
            boolean reworded = !e.message().equals(stored.message());
            // a check that gains or loses a control mapping (a new CIS version, a subsumed finding) updates it
            boolean remapped = stored.controls() != null && !draft.controls().equals(stored.controls());
            FindingStatus next = stored.status();
            String event = null;
            boolean clearJustification = false;
            boolean regression = false;
            switch (stored.status()) {
                case FIXED, DISABLED -> {
                    next = rule == null ? FindingStatus.REGRESSED : FindingStatus.SUPPRESSED;
                    event = stored.status() == FindingStatus.FIXED ? "regressed" : "re-enabled";
                    regression = stored.status() == FindingStatus.FIXED;
                }
                case JUSTIFIED -> {
                    var j = stored.justification();
                    if (j == null || j.until() == null || j.until().isBefore(now)) {
                        next = FindingStatus.OPEN;
                        event = "justification-expired";
                        clearJustification = true;
                    } else if (!hash.equals(j.evidenceHash())) {
                        next = FindingStatus.OPEN;
                        event = "reopened-evidence-changed";
                        clearJustification = true;
                    }
                }
                case SUPPRESSED -> {
                    if (rule == null) {
                        next = FindingStatus.OPEN;
                        event = "suppression-ended";
                    }
                }
                case OPEN, REGRESSED -> {
                    if (rule != null) {
                        next = FindingStatus.SUPPRESSED;
                        event = "suppressed";
                    }
                }
            }
            if (next == stored.status() && !evidenceChanged && !rescored && !reworded && !remapped) {
                continue;
            }
            out.update(new FindingChanges.Update(stored.id(), next == stored.status() ? null : next,
                    evidenceChanged ? e.details() : null, evidenceChanged ? hash : null, reworded ? e.message() : null,
                    rescored || evidenceChanged ? draft.score() : null, clearJustification,
                    next == FindingStatus.SUPPRESSED && rule != null ? rule.id() : null, regression,
                    remapped ? draft.controls() : null));
            if (event != null) {
                out.event(new FindingChanges.Event(stored.id(), null, event, ACTOR,
                        details("from", stored.status().name(), "to", next.name())));
                if (regression) {
                    regressed++;
                } else if (event.startsWith("reopened") || event.equals("justification-expired")
                        || event.equals("suppression-ended")) {
                    reopened++;
                }
            }
            if (evidenceChanged) {
                out.event(new FindingChanges.Event(stored.id(), null, "evidence-changed", ACTOR,
                        details("before", stored.evidence(), "after", e.details())));
            } else if (rescored) {
                out.event(new FindingChanges.Event(stored.id(), null, "rescored", ACTOR,
                        details("before", stored.score(), "after", draft.score().score())));
            }
        }
        for (StoredFinding gone : byFingerprint.values()) {
            if (!gone.status().present()) {
                continue;
            }
            FindingStatus next;
            String event;
            if (item.deleted()) {
                next = FindingStatus.FIXED;
                event = "fixed-resource-deleted";
            } else if (disabled.contains(gone.checkId())) {
                next = FindingStatus.DISABLED;
                event = "check-disabled";
            } else if (evaluated.contains(gone.checkId())) {
                next = FindingStatus.FIXED;
                event = "fixed";
            } else {
                continue;
            }
            out.update(new FindingChanges.Update(gone.id(), next, null, null, null, null, true, null, false));
            out.event(new FindingChanges.Event(gone.id(), null, event, ACTOR, details("from", gone.status().name())));
            if (next == FindingStatus.FIXED) {
                fixed++;
            }
        }
        return new Counts(opened, regressed, reopened, fixed);
    }

    private static tools.jackson.databind.JsonNode details(Object... pairs) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                map.put((String) pairs[i], pairs[i + 1]);
            }
        }
        return Json.tree(map);
    }
}
