package io.watchkeeper.core.finding;

import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * A finding as stored, as much as the lifecycle needs.
 *
 * @param id database id
 * @param fingerprint check + account + resource + evidence key
 * @param checkId the check
 * @param itemId the item
 * @param status current status
 * @param evidenceHash hash of the current evidence details
 * @param score current score
 * @param message current message
 * @param justification the justification, or null
 * @param suppressionRuleId the rule suppressing it, or null
 * @param regressions times it came back after being fixed
 * @param evidence the current evidence details
 */
public record StoredFinding(long id, String fingerprint, String checkId, long itemId, FindingStatus status,
                            String evidenceHash, int score, String message, Justification justification,
                            Long suppressionRuleId, int regressions, JsonNode evidence, List<String> controls) {

    public StoredFinding {
        controls = controls == null ? null : List.copyOf(controls);
    }

    /** A stored finding whose controls are not known ({@code null}: never compared). */
    public StoredFinding(long id, String fingerprint, String checkId, long itemId, FindingStatus status,
                         String evidenceHash, int score, String message, Justification justification,
                         Long suppressionRuleId, int regressions, JsonNode evidence) {
        this(id, fingerprint, checkId, itemId, status, evidenceHash, score, message, justification, suppressionRuleId,
                regressions, evidence, null);
    }
}
