package io.watchkeeper.iamtuner.lifecycle;

import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.tuner.EvidenceStore;
import io.watchkeeper.core.tuner.TunerChange;
import io.watchkeeper.core.tuner.TunerChangeStore;
import io.watchkeeper.core.tuner.UsageEvidence;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * After a change, AccessDenied on one of its removed actions by one of its principals (read from new
 * CloudTrail logs) means the removal hurt: each such denial is reported once (an alert), and the caller
 * restores the previous documents when the account asks for it.
 */
public final class DeniedWatch {

    /** New denials of removed actions after a change. */
    public record Alert(TunerChange change, List<UsageEvidence> denials) {}

    private final TunerChangeStore changes;
    private final EvidenceStore evidence;
    private final Clock clock;

    public DeniedWatch(TunerChangeStore changes, EvidenceStore evidence, Clock clock) {
        this.changes = changes;
        this.evidence = evidence;
        this.clock = clock;
    }

    /** Changes in their watch period with denials not reported before; each is recorded on its change. */
    public List<Alert> check() {
        List<Alert> out = new ArrayList<>();
        for (TunerChange c : changes.watched(clock.instant())) {
            Set<String> removed = new HashSet<>(c.removedActions());
            Set<String> known = new HashSet<>();
            if (c.denied() != null) {
                c.denied().forEach(d -> known.add(d.path("principalArn").asString() + " " + d.path("action").asString()
                        + " " + d.path("lastSeen").asString()));
            }
            List<UsageEvidence> all = new ArrayList<>();
            List<UsageEvidence> fresh = new ArrayList<>();
            for (String principal : ChangeRecord.of(c.edits()).watched()) {
                for (UsageEvidence d : evidence.deniedSince(principal, c.appliedAt())) {
                    if (removed.contains(d.action())) {
                        all.add(d);
                        if (!known.contains(d.principalArn() + " " + d.action() + " " + d.lastSeen())) {
                            fresh.add(d);
                        }
                    }
                }
            }
            if (!fresh.isEmpty()) {
                JsonNode json = Json.tree(all);
                changes.recordDenied(c.id(), json, clock.instant());
                out.add(new Alert(c, fresh));
            }
        }
        return out;
    }
}
