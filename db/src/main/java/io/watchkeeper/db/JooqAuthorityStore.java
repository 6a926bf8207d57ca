package io.watchkeeper.db;

import static io.watchkeeper.db.jooq.Tables.CERT_AUTHORITY;
import static io.watchkeeper.db.jooq.Tables.PRIVATE_KEY;

import io.watchkeeper.core.cert.Authority;
import io.watchkeeper.core.cert.AuthorityKind;
import io.watchkeeper.core.cert.AuthorityPolicy;
import io.watchkeeper.core.cert.AuthoritySpec;
import io.watchkeeper.core.cert.AuthorityStore;
import io.watchkeeper.core.cert.CertificateMetadata;
import io.watchkeeper.core.cert.KeyType;
import io.watchkeeper.core.model.InvalidInputException;
import io.watchkeeper.db.jooq.tables.records.CertAuthorityRecord;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Certificate authorities in PostgreSQL; a CA's sealed key is written in the same transaction. */
public final class JooqAuthorityStore implements AuthorityStore {

    private final DSLContext dsl;

    public JooqAuthorityStore(DSLContext dsl) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
    }

    @Override
    public long nextId() {
        return dsl.select(DSL.field("nextval(pg_get_serial_sequence('cert_authority', 'id'))", Long.class))
                .fetchSingle().value1();
    }

    @Override
    public Authority add(AuthoritySpec spec) {
        try {
            return dsl.transactionResult(tx -> {
                DSLContext t = tx.dsl();
                CertificateMetadata m = spec.metadata();
                AuthorityPolicy p = spec.policy();
                CertAuthorityRecord row = t.insertInto(CERT_AUTHORITY)
                        .set(CERT_AUTHORITY.ID, spec.id())
                        .set(CERT_AUTHORITY.NAME, spec.name())
                        .set(CERT_AUTHORITY.KIND, spec.kind().name())
                        .set(CERT_AUTHORITY.PARENT_ID, spec.parentId())
                        .set(CERT_AUTHORITY.CERTIFICATE_PEM, spec.certificatePem())
                        .set(CERT_AUTHORITY.CHAIN_PEM, spec.chainPem().toArray(String[]::new))
                        .set(CERT_AUTHORITY.SERIAL, m.serial())
                        .set(CERT_AUTHORITY.ISSUER, m.issuer())
                        .set(CERT_AUTHORITY.SUBJECT, m.subject())
                        .set(CERT_AUTHORITY.COMMON_NAME, m.commonName())
                        .set(CERT_AUTHORITY.NOT_BEFORE, Times.utc(m.notBefore()))
                        .set(CERT_AUTHORITY.NOT_AFTER, Times.utc(m.notAfter()))
                        .set(CERT_AUTHORITY.KEY_ALGORITHM, m.keyAlgorithm())
                        .set(CERT_AUTHORITY.KEY_BITS, m.keyBits())
                        .set(CERT_AUTHORITY.SIGNATURE_ALGORITHM, m.signatureAlgorithm())
                        .set(CERT_AUTHORITY.SHA256_FINGERPRINT, m.sha256Fingerprint())
                        .set(CERT_AUTHORITY.MAX_VALIDITY_S, p.maxValidity().toSeconds())
                        .set(CERT_AUTHORITY.DEFAULT_VALIDITY_S, p.defaultValidity().toSeconds())
                        .set(CERT_AUTHORITY.ALLOWED_DOMAINS, p.allowedDomains().toArray(String[]::new))
                        .set(CERT_AUTHORITY.WILDCARDS_ALLOWED, p.wildcardsAllowed())
                        .set(CERT_AUTHORITY.IP_ADDRESSES_ALLOWED, p.ipAddressesAllowed())
                        .set(CERT_AUTHORITY.ALLOWED_KEY_TYPES, p.allowedKeyTypes().stream().map(KeyType::id).sorted()
                                .toArray(String[]::new))
                        .set(CERT_AUTHORITY.CRL_URL, p.crlUrl())
                        .set(CERT_AUTHORITY.IMPORTED, spec.imported())
                        .set(CERT_AUTHORITY.CREATED_BY, spec.actor())
                        .returning()
                        .fetchSingle();
                if (spec.key() != null) {
                    JooqKeyVault.insert(t, PRIVATE_KEY.AUTHORITY_ID, spec.id(), spec.key());
                }
                return map(row);
            });
        } catch (RuntimeException e) {
            if (!Sql.isUniqueViolation(e)) {
                throw e;
            }
            throw new InvalidInputException("an authority named '" + spec.name()
                    + "' or with this CA certificate already exists");
        }
    }

    @Override
    public List<Authority> list() {
        return dsl.selectFrom(CERT_AUTHORITY).orderBy(CERT_AUTHORITY.NAME).fetch(JooqAuthorityStore::map);
    }

    @Override
    public Optional<Authority> findByName(String name) {
        return dsl.selectFrom(CERT_AUTHORITY).where(CERT_AUTHORITY.NAME.eq(name)).fetchOptional(JooqAuthorityStore::map);
    }

    @Override
    public Optional<Authority> findById(long id) {
        return dsl.selectFrom(CERT_AUTHORITY).where(CERT_AUTHORITY.ID.eq(id)).fetchOptional(JooqAuthorityStore::map);
    }

    @Override
    public long nextCrlNumber(long authorityId) {
        return dsl.update(CERT_AUTHORITY)
                .set(CERT_AUTHORITY.CRL_NUMBER, CERT_AUTHORITY.CRL_NUMBER.plus(1))
                .where(CERT_AUTHORITY.ID.eq(authorityId))
                .returning(CERT_AUTHORITY.CRL_NUMBER)
                .fetchOptional()
                .orElseThrow(() -> new InvalidInputException("unknown authority id " + authorityId))
                .getCrlNumber();
    }

    @Override
    public void setAccounts(long authorityId, java.util.Set<Long> accountIds) {
        int updated = dsl.update(CERT_AUTHORITY)
                .set(CERT_AUTHORITY.ACCOUNT_IDS, accountIds.stream().sorted().toArray(Long[]::new))
                .where(CERT_AUTHORITY.ID.eq(authorityId)).execute();
        if (updated != 1) {
            throw new InvalidInputException("unknown authority id " + authorityId);
        }
    }

    static Authority map(CertAuthorityRecord r) {
        CertificateMetadata metadata = new CertificateMetadata(r.getSerial(), r.getIssuer(), r.getSubject(),
                r.getCommonName(), List.of(), List.of(), Times.instant(r.getNotBefore()), Times.instant(r.getNotAfter()),
                r.getKeyAlgorithm(), r.getKeyBits(), r.getSignatureAlgorithm(), r.getSha256Fingerprint(), true);
        AuthorityPolicy policy = new AuthorityPolicy(Duration.ofSeconds(r.getMaxValidityS()),
                Duration.ofSeconds(r.getDefaultValidityS()), List.of(r.getAllowedDomains()), r.getWildcardsAllowed(),
                r.getIpAddressesAllowed(), Arrays.stream(r.getAllowedKeyTypes()).map(KeyType::fromId)
                        .collect(Collectors.toSet()), r.getCrlUrl());
        return new Authority(r.getId(), r.getName(), AuthorityKind.valueOf(r.getKind()), r.getParentId(), metadata,
                r.getCertificatePem(), List.of(r.getChainPem()), policy, r.getImported(), r.getCrlNumber(),
                r.getCreatedBy(), Times.instant(r.getCreatedAt()), java.util.Set.of(r.getAccountIds()));
    }
}
