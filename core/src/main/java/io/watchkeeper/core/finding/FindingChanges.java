package io.watchkeeper.core.finding;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** What one audit pass decided to write; the store applies it in one transaction. */
public final class FindingChanges {

    /**
     * A new finding.
     *
     * @param fingerprint identity
     * @param checkId check
     * @param item the item
     * @param evidenceKey evidence key
     * @param evidence evidence details
     * @param evidenceHash their hash
     * @param message message
     * @param score score with breakdown
     * @param controls compliance controls
     * @param status OPEN or SUPPRESSED
     * @param suppressionRuleId rule, when suppressed
     */
    public record Insert(String fingerprint, String checkId, ItemSnapshot item, String evidenceKey, JsonNode evidence,
                         String evidenceHash, String message, ScoreBreakdown score, List<String> controls,
                         FindingStatus status, Long suppressionRuleId) {}

    /**
     * A change to a stored finding; null members stay as they are.
     *
     * @param findingId the finding
     * @param status new status, or null
     * @param evidence new evidence, or null
     * @param evidenceHash its hash, or null
     * @param message new message, or null
     * @param score new score, or null
     * @param clearJustification drop the justification
     * @param suppressionRuleId new rule (with status SUPPRESSED), or null
     * @param regressed count one more regression
     */
    public record Update(long findingId, FindingStatus status, JsonNode evidence, String evidenceHash, String message,
                         ScoreBreakdown score, boolean clearJustification, Long suppressionRuleId, boolean regressed,
                         List<String> controls) {

        /** An update that leaves the controls as they are. */
        public Update(long findingId, FindingStatus status, JsonNode evidence, String evidenceHash, String message,
                      ScoreBreakdown score, boolean clearJustification, Long suppressionRuleId, boolean regressed) {
            this(findingId, status, evidence, evidenceHash, message, score, clearJustification, suppressionRuleId,
                    regressed, null);
        }
    }

    /** An entry in a finding's history; {@code insertIndex} points into {@link #inserts()} for new findings. */
    public record Event(Long findingId, Integer insertIndex, String event, String actor, JsonNode details) {}

    private final List<Insert> inserts = new ArrayList<>();
    private final List<Update> updates = new ArrayList<>();
    private final List<Event> events = new ArrayList<>();
    private final OffsetDateTime at;

    public FindingChanges(OffsetDateTime at) {
        this.at = at;
    }

    public int insert(Insert insert) {
        inserts.add(insert);
        return inserts.size() - 1;
    }

    public void update(Update update) {
        updates.add(update);
    }

    public void event(Event event) {
        events.add(event);
    }

    public List<Insert> inserts() {
        return inserts;
    }

    public List<Update> updates() {
        return updates;
    }

    public List<Event> events() {
        return events;
    }

    public OffsetDateTime at() {
        return at;
    }

    public boolean isEmpty() {
        return inserts.isEmpty() && updates.isEmpty() && events.isEmpty();
    }

    public void addAll(FindingChanges other) {
        int offset = inserts.size();
        inserts.addAll(other.inserts);
        updates.addAll(other.updates);
        for (Event e : other.events) {
            events.add(e.insertIndex() == null ? e
                    : new Event(null, e.insertIndex() + offset, e.event(), e.actor(), e.details()));
        }
    }
}
