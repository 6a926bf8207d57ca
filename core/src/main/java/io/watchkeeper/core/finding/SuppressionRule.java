package io.watchkeeper.core.finding;

import java.time.OffsetDateTime;

/**
 * Hides matching findings (status SUPPRESSED) until it expires or is removed; findings reopen then.
 *
 * @param id database id
 * @param checkPattern a check id, or a glob such as {@code aws.s3.bucket/*}
 * @param accountId the account, or null for all
 * @param resourcePattern a glob on the resource id, or null for all
 * @param reason why
 * @param createdBy who
 * @param expiresAt when it stops applying, or null
 */
public record SuppressionRule(long id, String checkPattern, Long accountId, String resourcePattern, String reason,
                              String createdBy, OffsetDateTime expiresAt) {}
