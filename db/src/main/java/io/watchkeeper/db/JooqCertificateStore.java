package io.watchkeeper.db;

import static io.watchkeeper.db.jooq.Tables.ACCOUNT;
import static io.watchkeeper.db.jooq.Tables.APP_USER;
import static io.watchkeeper.db.jooq.Tables.CERTIFICATE;
import static io.watchkeeper.db.jooq.Tables.CERTIFICATE_EVENT;
import static io.watchkeeper.db.jooq.Tables.ISSUANCE_REQUEST;
import static io.watchkeeper.db.jooq.Tables.PRIVATE_KEY;
import static io.watchkeeper.db.jooq.Tables.TEAM;

import io.watchkeeper.core.cert.CertificateEvent;
import io.watchkeeper.core.cert.CertificateFilter;
import io.watchkeeper.core.cert.CertificateMetadata;
import io.watchkeeper.core.cert.CertificateSource;
import io.watchkeeper.core.cert.CertificateStatus;
import io.watchkeeper.core.cert.CertificateStore;
import io.watchkeeper.core.cert.IssuanceRequest;
import io.watchkeeper.core.cert.CertificateVisibility;
import io.watchkeeper.core.cert.NewCertificate;
import io.watchkeeper.core.cert.Ownership;
import io.watchkeeper.core.cert.Revocation;
import io.watchkeeper.core.cert.RevocationReason;
import io.watchkeeper.core.cert.RevokedSerial;
import io.watchkeeper.core.cert.SealedKey;
import io.watchkeeper.core.cert.StoredCertificate;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.model.InvalidInputException;
import io.watchkeeper.db.jooq.tables.records.CertificateRecord;
import io.watchkeeper.db.jooq.tables.records.IssuanceRequestRecord;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.impl.DSL;
import tools.jackson.databind.JsonNode;

/** The certificate inventory in PostgreSQL. */
public final class JooqCertificateStore implements CertificateStore {

    private static final Field<Boolean> HAS_KEY = DSL.field(DSL.exists(DSL.selectOne().from(PRIVATE_KEY)
            .where(PRIVATE_KEY.CERTIFICATE_ID.eq(CERTIFICATE.ID)))).as("has_key");

    private final DSLContext dsl;

    public JooqCertificateStore(DSLContext dsl) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
    }

    @Override
    public long nextId() {
        return dsl.select(DSL.field("nextval(pg_get_serial_sequence('certificate', 'id'))", Long.class))
                .fetchSingle().value1();
    }

    @Override
    public StoredCertificate add(NewCertificate c) {
        try {
            dsl.transaction(tx -> insert(tx.dsl(), c));
        } catch (RuntimeException e) {
            if (!Sql.isUniqueViolation(e)) {
                throw e;
            }
            String existing = dsl.select(CERTIFICATE.ID).from(CERTIFICATE)
                    .where(CERTIFICATE.SHA256_FINGERPRINT.eq(c.metadata().sha256Fingerprint())
                            .or(c.authorityId() == null ? DSL.falseCondition()
                                    : CERTIFICATE.AUTHORITY_ID.eq(c.authorityId()).and(CERTIFICATE.SERIAL.eq(c.metadata().serial()))))
                    .fetchOptional(CERTIFICATE.ID).map(id -> " as certificate " + id).orElse("");
            throw new InvalidInputException("this certificate (serial " + c.metadata().serial() + ") is already stored"
                    + existing + (c.replacesId() == null ? "" : ", or certificate " + c.replacesId() + " was already replaced"));
        }
        return require(c.id());
    }

    private static void insert(DSLContext t, NewCertificate c) {
        CertificateMetadata m = c.metadata();
        if (c.replacesId() != null) {
            int updated = t.update(CERTIFICATE)
                    .set(CERTIFICATE.STATUS, DSL.when(CERTIFICATE.STATUS.eq(CertificateStatus.ACTIVE.name()),
                            CertificateStatus.REPLACED.name()).otherwise(CERTIFICATE.STATUS))
                    .where(CERTIFICATE.ID.eq(c.replacesId()).and(CERTIFICATE.REPLACED_BY_ID.isNull()))
                    .execute();
            if (updated != 1) {
                throw new InvalidInputException("certificate " + c.replacesId() + " does not exist or was already replaced");
            }
        }
        t.insertInto(CERTIFICATE)
                .set(CERTIFICATE.ID, c.id())
                .set(CERTIFICATE.AUTHORITY_ID, c.authorityId())
                .set(CERTIFICATE.SOURCE, c.source().name())
                .set(CERTIFICATE.STATUS, CertificateStatus.ACTIVE.name())
                .set(CERTIFICATE.SERIAL, m.serial())
                .set(CERTIFICATE.ISSUER, m.issuer())
                .set(CERTIFICATE.SUBJECT, m.subject())
                .set(CERTIFICATE.COMMON_NAME, m.commonName())
                .set(CERTIFICATE.DNS_NAMES, m.dnsNames().toArray(String[]::new))
                .set(CERTIFICATE.IP_ADDRESSES, m.ipAddresses().toArray(String[]::new))
                .set(CERTIFICATE.NOT_BEFORE, Times.utc(m.notBefore()))
                .set(CERTIFICATE.NOT_AFTER, Times.utc(m.notAfter()))
                .set(CERTIFICATE.KEY_ALGORITHM, m.keyAlgorithm())
                .set(CERTIFICATE.KEY_BITS, m.keyBits())
                .set(CERTIFICATE.SIGNATURE_ALGORITHM, m.signatureAlgorithm())
                .set(CERTIFICATE.SHA256_FINGERPRINT, m.sha256Fingerprint())
                .set(CERTIFICATE.IS_CA, m.ca())
                .set(CERTIFICATE.CERTIFICATE_PEM, c.certificatePem())
                .set(CERTIFICATE.CHAIN_PEM, c.chainPem().toArray(String[]::new))
                .set(CERTIFICATE.ACCOUNT_ID, c.ownership().accountId())
                .set(CERTIFICATE.OWNER_USER_ID, c.ownership().userId())
                .set(CERTIFICATE.TEAM_ID, c.ownership().teamId())
                .set(CERTIFICATE.OWNER_NOTE, c.ownership().note())
                .set(CERTIFICATE.REPLACES_ID, c.replacesId())
                .set(CERTIFICATE.CREATED_BY, c.actor())
                .execute();
        if (c.replacesId() != null) {
            t.update(CERTIFICATE).set(CERTIFICATE.REPLACED_BY_ID, c.id()).where(CERTIFICATE.ID.eq(c.replacesId())).execute();
            event(t, c.replacesId(), "replaced", c.actor(), Json.tree(java.util.Map.of("replacedBy", c.id())));
        }
        if (c.key() != null) {
            JooqKeyVault.insert(t, PRIVATE_KEY.CERTIFICATE_ID, c.id(), c.key());
        }
        if (c.issuanceRequestId() != null) {
            int updated = t.update(ISSUANCE_REQUEST)
                    .set(ISSUANCE_REQUEST.STATUS, IssuanceRequest.Status.ISSUED.name())
                    .set(ISSUANCE_REQUEST.CERTIFICATE_ID, c.id())
                    .set(ISSUANCE_REQUEST.ERROR, (String) null)
                    .set(ISSUANCE_REQUEST.UPDATED_AT, OffsetDateTime.now())
                    .where(ISSUANCE_REQUEST.ID.eq(c.issuanceRequestId())
                            .and(ISSUANCE_REQUEST.STATUS.ne(IssuanceRequest.Status.ISSUED.name())))
                    .execute();
            if (updated != 1) {
                throw new InvalidInputException("issuance request " + c.issuanceRequestId() + " was already fulfilled");
            }
        }
        event(t, c.id(), c.source() == CertificateSource.ISSUED ? "issued" : c.source().name().toLowerCase(java.util.Locale.ROOT),
                c.actor(), null);
    }

    @Override
    public Optional<StoredCertificate> find(long id) {
        return select().where(CERTIFICATE.ID.eq(id)).fetchOptional(JooqCertificateStore::map);
    }

    @Override
    public Optional<StoredCertificate> findByFingerprint(String sha256Fingerprint) {
        return dsl.select(CERTIFICATE.ID).from(CERTIFICATE).where(CERTIFICATE.SHA256_FINGERPRINT.eq(sha256Fingerprint))
                .fetchOptional(CERTIFICATE.ID).flatMap(this::find);
    }

    @Override
    public List<StoredCertificate> list(CertificateFilter f) {
        List<Condition> where = new ArrayList<>();
        where.add(CERTIFICATE.ID.gt(f.afterId()));
        if (f.ownerUserId() != null) {
            where.add(CERTIFICATE.OWNER_USER_ID.eq(f.ownerUserId()));
        }
        if (f.teamId() != null) {
            where.add(CERTIFICATE.TEAM_ID.eq(f.teamId()));
        }
        if (f.accountId() != null) {
            where.add(CERTIFICATE.ACCOUNT_ID.eq(f.accountId()));
        }
        where.add(visible(f.visibility()));
        if (f.authorityId() != null) {
            where.add(CERTIFICATE.AUTHORITY_ID.eq(f.authorityId()));
        }
        if (f.status() != null) {
            OffsetDateTime now = OffsetDateTime.now();
            where.add(switch (f.status()) {
                case ACTIVE -> CERTIFICATE.STATUS.eq("ACTIVE").and(CERTIFICATE.NOT_AFTER.ge(now));
                case EXPIRED -> CERTIFICATE.STATUS.eq("EXPIRED")
                        .or(CERTIFICATE.STATUS.eq("ACTIVE").and(CERTIFICATE.NOT_AFTER.lt(now)));
                case REVOKED, REPLACED -> CERTIFICATE.STATUS.eq(f.status().name());
            });
        }
        if (f.expiringBefore() != null) {
            where.add(CERTIFICATE.NOT_AFTER.lt(Times.utc(f.expiringBefore())));
        }
        if (f.name() != null) {
            String pattern = "%" + f.name().toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            where.add(DSL.lower(CERTIFICATE.COMMON_NAME).like(pattern)
                    .or(DSL.condition("exists (select 1 from unnest({0}) n where n like {1})", CERTIFICATE.DNS_NAMES,
                            DSL.val(pattern))));
        }
        return select().where(where).orderBy(CERTIFICATE.ID).limit(f.limit()).fetch(JooqCertificateStore::map);
    }

    /** Certificates of the caller's accounts, of its teams, and its own; everything when unrestricted. */
    private static Condition visible(CertificateVisibility v) {
        if (v.unrestricted()) {
            return DSL.trueCondition();
        }
        Condition c = v.accountIds().isEmpty() ? DSL.falseCondition() : CERTIFICATE.ACCOUNT_ID.in(v.accountIds());
        if (!v.teamIds().isEmpty()) {
            c = c.or(CERTIFICATE.TEAM_ID.in(v.teamIds()));
        }
        if (v.userId() != null) {
            c = c.or(CERTIFICATE.OWNER_USER_ID.eq(v.userId()));
        }
        return c;
    }

    private org.jooq.SelectOnConditionStep<Record> select() {
        return dsl.select(CERTIFICATE.fields()).select(HAS_KEY, ACCOUNT.NAME, APP_USER.USERNAME, TEAM.NAME)
                .from(CERTIFICATE)
                .leftJoin(ACCOUNT).on(ACCOUNT.ID.eq(CERTIFICATE.ACCOUNT_ID))
                .leftJoin(APP_USER).on(APP_USER.ID.eq(CERTIFICATE.OWNER_USER_ID))
                .leftJoin(TEAM).on(TEAM.ID.eq(CERTIFICATE.TEAM_ID));
    }

    @Override
    public StoredCertificate revoke(long id, Revocation revocation) {
        dsl.transaction(tx -> {
            DSLContext t = tx.dsl();
            int updated = t.update(CERTIFICATE)
                    .set(CERTIFICATE.STATUS, CertificateStatus.REVOKED.name())
                    .set(CERTIFICATE.REVOKED_AT, Times.utc(revocation.at()))
                    .set(CERTIFICATE.REVOCATION_REASON, revocation.reason().code())
                    .set(CERTIFICATE.REVOKED_BY, revocation.by())
                    .where(CERTIFICATE.ID.eq(id).and(CERTIFICATE.STATUS.ne(CertificateStatus.REVOKED.name())))
                    .execute();
            if (updated != 1) {
                throw new InvalidInputException("certificate " + id + " does not exist or is already revoked");
            }
            event(t, id, "revoked", revocation.by(), Json.tree(java.util.Map.of("reason", revocation.reason().id())));
        });
        return require(id);
    }

    @Override
    public List<RevokedSerial> revokedBy(long authorityId) {
        return dsl.select(CERTIFICATE.SERIAL, CERTIFICATE.REVOKED_AT, CERTIFICATE.REVOCATION_REASON)
                .from(CERTIFICATE)
                .where(CERTIFICATE.AUTHORITY_ID.eq(authorityId).and(CERTIFICATE.STATUS.eq(CertificateStatus.REVOKED.name())))
                .orderBy(CERTIFICATE.SERIAL)
                .fetch(r -> new RevokedSerial(r.value1(), Times.instant(r.value2()), RevocationReason.fromCode(r.value3())));
    }

    @Override
    public void recordEvent(long certificateId, String event, String actor, JsonNode details) {
        event(dsl, certificateId, event, actor, details);
    }

    private static void event(DSLContext t, long certificateId, String event, String actor, JsonNode details) {
        t.insertInto(CERTIFICATE_EVENT)
                .set(CERTIFICATE_EVENT.CERTIFICATE_ID, certificateId)
                .set(CERTIFICATE_EVENT.EVENT, event)
                .set(CERTIFICATE_EVENT.ACTOR, actor)
                .set(CERTIFICATE_EVENT.DETAILS, JooqAuditLog.jsonb(details))
                .execute();
    }

    @Override
    public List<CertificateEvent> events(long certificateId) {
        return dsl.selectFrom(CERTIFICATE_EVENT).where(CERTIFICATE_EVENT.CERTIFICATE_ID.eq(certificateId))
                .orderBy(CERTIFICATE_EVENT.AT, CERTIFICATE_EVENT.ID)
                .fetch(r -> new CertificateEvent(r.getCertificateId(), Times.instant(r.getAt()), r.getEvent(), r.getActor(),
                        r.getDetails() == null ? null : Json.parse(r.getDetails().data())));
    }

    @Override
    public IssuanceRequest beginIssuance(String idempotencyKey, long authorityId, String requestedBy, JsonNode request) {
        dsl.insertInto(ISSUANCE_REQUEST)
                .set(ISSUANCE_REQUEST.IDEMPOTENCY_KEY, idempotencyKey)
                .set(ISSUANCE_REQUEST.AUTHORITY_ID, authorityId)
                .set(ISSUANCE_REQUEST.STATUS, IssuanceRequest.Status.PENDING.name())
                .set(ISSUANCE_REQUEST.REQUEST, JSONB.valueOf(Json.write(request)))
                .set(ISSUANCE_REQUEST.REQUESTED_BY, requestedBy)
                .onConflict(ISSUANCE_REQUEST.IDEMPOTENCY_KEY).doNothing()
                .execute();
        return dsl.selectFrom(ISSUANCE_REQUEST).where(ISSUANCE_REQUEST.IDEMPOTENCY_KEY.eq(idempotencyKey))
                .fetchSingle(JooqCertificateStore::map);
    }

    @Override
    public void failIssuance(long requestId, String error) {
        dsl.update(ISSUANCE_REQUEST)
                .set(ISSUANCE_REQUEST.STATUS, IssuanceRequest.Status.FAILED.name())
                .set(ISSUANCE_REQUEST.ERROR, error.length() > 1000 ? error.substring(0, 1000) : error)
                .set(ISSUANCE_REQUEST.UPDATED_AT, OffsetDateTime.now())
                .where(ISSUANCE_REQUEST.ID.eq(requestId).and(ISSUANCE_REQUEST.STATUS.ne(IssuanceRequest.Status.ISSUED.name())))
                .execute();
    }

    @Override
    public Reservation reserve(long requestId, long certificateId, SealedKey pendingKey) {
        var update = dsl.update(ISSUANCE_REQUEST).set(ISSUANCE_REQUEST.RESERVED_CERTIFICATE_ID, certificateId);
        if (pendingKey != null) {
            update = update.set(ISSUANCE_REQUEST.PENDING_KEY_ALGORITHM, pendingKey.algorithm())
                    .set(ISSUANCE_REQUEST.PENDING_KEY_CIPHERTEXT, pendingKey.ciphertext())
                    .set(ISSUANCE_REQUEST.PENDING_KEY_WRAPPED, pendingKey.wrappedKey())
                    .set(ISSUANCE_REQUEST.PENDING_KEY_PROVIDER, pendingKey.provider())
                    .set(ISSUANCE_REQUEST.PENDING_KEY_VERSION, pendingKey.masterKeyVersion());
        }
        update.set(ISSUANCE_REQUEST.UPDATED_AT, OffsetDateTime.now())
                .where(ISSUANCE_REQUEST.ID.eq(requestId), ISSUANCE_REQUEST.RESERVED_CERTIFICATE_ID.isNull())
                .execute();
        return reservation(requestId).orElseThrow();
    }

    @Override
    public Optional<Reservation> reservation(long requestId) {
        return dsl.selectFrom(ISSUANCE_REQUEST).where(ISSUANCE_REQUEST.ID.eq(requestId),
                        ISSUANCE_REQUEST.RESERVED_CERTIFICATE_ID.isNotNull())
                .fetchOptional(r -> new Reservation(r.getReservedCertificateId(), r.getPendingKeyCiphertext() == null
                        ? null : new SealedKey(r.getPendingKeyAlgorithm(), r.getPendingKeyCiphertext(),
                                r.getPendingKeyWrapped(), r.getPendingKeyProvider(), r.getPendingKeyVersion())));
    }

    @Override
    public void scheduleRenewal(long certificateId, Instant renewAfter) {
        dsl.update(CERTIFICATE).set(CERTIFICATE.RENEW_AFTER, renewAfter == null ? null : Times.utc(renewAfter))
                .where(CERTIFICATE.ID.eq(certificateId)).execute();
    }

    @Override
    public List<Long> dueForRenewal(Instant now, int limit) {
        return dsl.select(CERTIFICATE.ID).from(CERTIFICATE)
                .where(CERTIFICATE.STATUS.eq(CertificateStatus.ACTIVE.name()), CERTIFICATE.RENEW_AFTER.isNotNull(),
                        CERTIFICATE.RENEW_AFTER.le(Times.utc(now)))
                .orderBy(CERTIFICATE.RENEW_AFTER, CERTIFICATE.ID)
                .limit(Math.max(1, Math.min(limit, 100_000)))
                .fetch(CERTIFICATE.ID);
    }

    @Override
    public void recordExternalRef(long requestId, String externalRef) {
        dsl.update(ISSUANCE_REQUEST).set(ISSUANCE_REQUEST.EXTERNAL_REF, externalRef)
                .set(ISSUANCE_REQUEST.UPDATED_AT, OffsetDateTime.now())
                .where(ISSUANCE_REQUEST.ID.eq(requestId)).execute();
    }

    @Override
    public int markExpired(Instant now) {
        return dsl.update(CERTIFICATE).set(CERTIFICATE.STATUS, CertificateStatus.EXPIRED.name())
                .where(CERTIFICATE.STATUS.eq(CertificateStatus.ACTIVE.name()).and(CERTIFICATE.NOT_AFTER.lt(Times.utc(now))))
                .execute();
    }

    private static IssuanceRequest map(IssuanceRequestRecord r) {
        return new IssuanceRequest(r.getId(), r.getIdempotencyKey(), r.getAuthorityId(),
                IssuanceRequest.Status.valueOf(r.getStatus()), r.getCertificateId(), r.getExternalRef(), r.getRequestedBy(),
                r.getError(), Times.instant(r.getCreatedAt()));
    }

    private static StoredCertificate map(Record rec) {
        CertificateRecord r = rec.into(CERTIFICATE);
        CertificateMetadata m = new CertificateMetadata(r.getSerial(), r.getIssuer(), r.getSubject(), r.getCommonName(),
                List.of(r.getDnsNames()), List.of(r.getIpAddresses()), Times.instant(r.getNotBefore()),
                Times.instant(r.getNotAfter()), r.getKeyAlgorithm(), r.getKeyBits(), r.getSignatureAlgorithm(),
                r.getSha256Fingerprint(), r.getIsCa());
        Revocation revocation = r.getRevokedAt() == null ? null : new Revocation(Times.instant(r.getRevokedAt()),
                RevocationReason.fromCode(r.getRevocationReason()), r.getRevokedBy() == null ? "-" : r.getRevokedBy());
        Ownership ownership = new Ownership(r.getAccountId(), rec.get(ACCOUNT.NAME), r.getOwnerUserId(),
                rec.get(APP_USER.USERNAME), r.getTeamId(), rec.get(TEAM.NAME), r.getOwnerNote());
        return new StoredCertificate(r.getId(), m, r.getCertificatePem(), List.of(r.getChainPem()), ownership,
                r.getAuthorityId(), CertificateSource.valueOf(r.getSource()),
                CertificateStatus.valueOf(r.getStatus()), r.getReplacesId(), r.getReplacedById(), rec.get(HAS_KEY),
                revocation, r.getCreatedBy(), Times.instant(r.getCreatedAt()));
    }
}
