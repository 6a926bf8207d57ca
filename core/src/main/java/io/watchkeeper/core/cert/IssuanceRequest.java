package io.watchkeeper.core.cert;

import java.time.Instant;

/**
 * One attempt to get a certificate, identified by an idempotency key: a retry with the same key
 * finds the same request (and its certificate once issued) instead of issuing twice.
 *
 * @param id database id
 * @param idempotencyKey caller-chosen key, unique
 * @param authorityId the authority asked
 * @param status pending, issued or failed
 * @param certificateId the certificate once issued, else null
 * @param externalRef the issuer's handle for an asynchronous order (an ACME order URL), or null
 * @param requestedBy actor
 * @param error why it failed, or null
 * @param createdAt when
 */
public record IssuanceRequest(
        long id,
        String idempotencyKey,
        long authorityId,
        Status status,
        Long certificateId,
        String externalRef,
        String requestedBy,
        String error,
        Instant createdAt) {

    /** Where the request is. */
    public enum Status { PENDING, ISSUED, FAILED }
}
