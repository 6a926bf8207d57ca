package io.watchkeeper.core.cert;

import io.watchkeeper.core.model.InvalidInputException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** The certificate inventory, its lineage, events and issuance requests. */
public interface CertificateStore {

    /** Reserves an id for a new certificate, so that its key can be sealed to it before it is stored. */
    long nextId();

    /**
     * Stores a certificate, its sealed key, an {@code issued}/{@code imported} event, the link to the
     * certificate it replaces and the fulfilled issuance request, all in one transaction. An
     * {@link InvalidInputException} when the same certificate (fingerprint) or the same
     * (authority, serial) is already stored.
     */
    StoredCertificate add(NewCertificate certificate);

    Optional<StoredCertificate> find(long id);

    /** The certificate with this SHA-256 fingerprint (lower-case hex), if stored. */
    Optional<StoredCertificate> findByFingerprint(String sha256Fingerprint);

    /** The certificate with this id, or an {@link InvalidInputException}. */
    default StoredCertificate require(long id) {
        return find(id).orElseThrow(() -> new InvalidInputException("unknown certificate " + id));
    }

    /** Certificates matching {@code filter}, by id. */
    List<StoredCertificate> list(CertificateFilter filter);

    /**
     * Marks a certificate revoked with an event; an {@link InvalidInputException} if it already is.
     * Returns the updated certificate.
     */
    StoredCertificate revoke(long id, Revocation revocation);

    /** The revoked certificates an authority issued (its CRL entries), by serial. */
    List<RevokedSerial> revokedBy(long authorityId);

    void recordEvent(long certificateId, String event, String actor, JsonNode details);

    List<CertificateEvent> events(long certificateId);

    /**
     * The issuance request with this idempotency key, created as PENDING if none exists yet (safe
     * under concurrent callers: exactly one row per key).
     */
    IssuanceRequest beginIssuance(String idempotencyKey, long authorityId, String requestedBy, JsonNode request);

    /** Records why a pending request failed (a later retry with the same key may try again). */
    void failIssuance(long requestId, String error);

    /**
     * Reserves the certificate id of a pending request and keeps its new key (sealed for that id)
     * on the request, before any order is placed; a second call keeps the first reservation.
     */
    Reservation reserve(long requestId, long certificateId, SealedKey pendingKey);

    /** The reservation of a request, if any. */
    java.util.Optional<Reservation> reservation(long requestId);

    /** Sets when an active certificate is due for renewal (null: never renewed automatically). */
    void scheduleRenewal(long certificateId, java.time.Instant renewAfter);

    /** Active certificates due for renewal at {@code now}, earliest first. */
    List<Long> dueForRenewal(java.time.Instant now, int limit);

    /** Records the issuer's handle for the request's order (an ACME order URL). */
    void recordExternalRef(long requestId, String externalRef);

    /**
     * A reserved certificate id and the key waiting for it (null when the requester kept the key).
     *
     * @param certificateId the id the certificate will have
     * @param pendingKey the sealed key, or null
     */
    record Reservation(long certificateId, SealedKey pendingKey) {}

    /** Certificates whose stored status is ACTIVE but whose notAfter is before {@code now}: marks them EXPIRED. */
    int markExpired(Instant now);
}
