package io.watchkeeper.core.finding;

import java.time.OffsetDateTime;

/**
 * A person's acceptance of one finding's evidence.
 *
 * @param by who
 * @param reason why
 * @param until when it expires (required: nothing is accepted forever)
 * @param evidenceHash the evidence accepted; other evidence reopens the finding
 */
public record Justification(String by, String reason, OffsetDateTime until, String evidenceHash) {}
