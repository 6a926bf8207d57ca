package io.watchkeeper.core.finding;

import java.time.OffsetDateTime;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A finding as people and outputs see it.
 *
 * @param id database id
 * @param fingerprint stable identity
 * @param check check id
 * @param type resource type
 * @param account account name
 * @param accountId the provider's account id
 * @param region region
 * @param resourceId resource id (ARN)
 * @param resourceName resource name
 * @param itemId the item
 * @param evidenceKey what is wrong, stably named
 * @param evidence the evidence details
 * @param message one line
 * @param severity severity used for the score
 * @param score 0..100
 * @param breakdown how the score was computed
 * @param status status
 * @param controls compliance controls
 * @param justification the justification, or null
 * @param firstSeen first seen
 * @param statusChangedAt last status change
 * @param regressions times it came back after a fix
 * @param accountKey Watchkeeper's id of the account (0 when unknown)
 * @param owner who is responsible for fixing it, or null
 */
public record FindingView(long id, String fingerprint, String check, String type, String account, String accountId,
                          String region, String resourceId, String resourceName, long itemId, String evidenceKey,
                          JsonNode evidence, String message, Severity severity, int score, ScoreBreakdown breakdown,
                          FindingStatus status, List<String> controls, Justification justification,
                          OffsetDateTime firstSeen, OffsetDateTime statusChangedAt, int regressions, long accountKey,
                          String owner) {

    /** A view without account key and owner (outputs and tests). */
    public FindingView(long id, String fingerprint, String check, String type, String account, String accountId,
                       String region, String resourceId, String resourceName, long itemId, String evidenceKey,
                       JsonNode evidence, String message, Severity severity, int score, ScoreBreakdown breakdown,
                       FindingStatus status, List<String> controls, Justification justification,
                       OffsetDateTime firstSeen, OffsetDateTime statusChangedAt, int regressions) {
        this(id, fingerprint, check, type, account, accountId, region, resourceId, resourceName, itemId, evidenceKey,
                evidence, message, severity, score, breakdown, status, controls, justification, firstSeen,
                statusChangedAt, regressions, 0, null);
    }
}
