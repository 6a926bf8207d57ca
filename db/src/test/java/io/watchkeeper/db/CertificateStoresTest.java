package io.watchkeeper.db;

import static io.watchkeeper.db.jooq.Tables.CERTIFICATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchkeeper.core.cert.Authority;
import io.watchkeeper.core.cert.AuthorityKind;
import io.watchkeeper.core.cert.AuthorityPolicy;
import io.watchkeeper.core.cert.AuthoritySpec;
import io.watchkeeper.core.cert.CertificateFilter;
import io.watchkeeper.core.cert.CertificateMetadata;
import io.watchkeeper.core.cert.CertificateSource;
import io.watchkeeper.core.cert.CertificateStatus;
import io.watchkeeper.core.cert.IssuanceRequest;
import io.watchkeeper.core.cert.KeyOwner;
import io.watchkeeper.core.cert.KeyType;
import io.watchkeeper.core.cert.NewCertificate;
import io.watchkeeper.core.cert.Ownership;
import io.watchkeeper.core.cert.Revocation;
import io.watchkeeper.core.cert.RevocationReason;
import io.watchkeeper.core.cert.SealedKey;
import io.watchkeeper.core.cert.StoredCertificate;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.model.InvalidInputException;
import io.watchkeeper.db.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Authorities, certificates, sealed keys and issuance requests on a real PostgreSQL. */
class CertificateStoresTest {

    private final TestDatabase db = TestDatabase.fresh();
    private final JooqAuthorityStore authorities = new JooqAuthorityStore(db.dsl());
    private final JooqCertificateStore certificates = new JooqCertificateStore(db.dsl());
    private final JooqKeyVault keys = new JooqKeyVault(db.dsl());
    private Authority ca;

    @BeforeEach
    void authority() {
        long id = authorities.nextId();
        AuthorityPolicy policy = new AuthorityPolicy(Duration.ofDays(30), null, List.of("Example.com"), true, false,
                Set.of(KeyType.EC_P256), "http://crl.example.com/ca.crl");
        ca = authorities.add(new AuthoritySpec(id, "root", AuthorityKind.INTERNAL, null, metadata("ca1", "aa"),
                "CA-PEM", List.of(), policy, false, sealed("v1"), "test"));
    }

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    private static CertificateMetadata metadata(String serial, String fingerprint) {
        Instant now = NOW;
        return new CertificateMetadata(serial, "CN=root", "CN=www.example.com", "www.example.com",
                List.of("www.example.com"), List.of("10.0.0.1"), now, now.plus(Duration.ofDays(10)), "EC", 256,
                "SHA256withECDSA", fingerprint, false);
    }

    private static SealedKey sealed(String version) {
        return new SealedKey("AES-256-GCM", new byte[] {1, 2, 3}, new byte[] {4, 5}, "keystore", version);
    }

    private NewCertificate cert(String serial, String fingerprint, Long replaces, Long request) {
        return new NewCertificate(certificates.nextId(), metadata(serial, fingerprint), "PEM", List.of("CA-PEM"),
                Ownership.none(), ca.id(), CertificateSource.ISSUED, replaces, sealed("v1"), request, "cli:alice");
    }

    @Test
    void authorityRoundTripsWithItsPolicyAndKey() {
        Authority read = authorities.require("root");
        assertThat(read.policy()).isEqualTo(ca.policy());
        assertThat(read.policy().allowedDomains()).containsExactly("example.com");
        assertThat(read.root()).isTrue();
        assertThat(keys.find(KeyOwner.authority(ca.id()))).get().extracting(SealedKey::masterKeyVersion).isEqualTo("v1");
        assertThat(authorities.nextCrlNumber(ca.id())).isEqualTo(1);
        assertThat(authorities.nextCrlNumber(ca.id())).isEqualTo(2);
        assertThatThrownBy(() -> authorities.add(new AuthoritySpec(authorities.nextId(), "root", AuthorityKind.INTERNAL,
                null, metadata("ca2", "bb"), "X", List.of(), AuthorityPolicy.defaults(), false, null, "test")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("already exists");
        assertThatThrownBy(() -> authorities.require("nope")).hasMessageContaining("known: root");
    }

    @Test
    void certificatesRoundTripAndDuplicatesAreRefused() {
        StoredCertificate stored = certificates.add(cert("01", "f1", null, null));
        assertThat(stored.metadata()).isEqualTo(metadata("01", "f1"));
        assertThat(stored.hasPrivateKey()).isTrue();
        assertThat(stored.status()).isEqualTo(CertificateStatus.ACTIVE);
        assertThat(certificates.events(stored.id())).extracting(e -> e.event()).containsExactly("issued");
        // same fingerprint, or same (authority, serial): refused, nothing stored
        assertThatThrownBy(() -> certificates.add(cert("02", "f1", null, null)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("already stored as certificate " + stored.id());
        assertThatThrownBy(() -> certificates.add(cert("01", "f9", null, null)))
                .isInstanceOf(InvalidInputException.class);
        assertThat(db.dsl().fetchCount(CERTIFICATE)).isEqualTo(1);
        assertThat(certificates.list(new CertificateFilter(null, null, null, null, null, null, "WWW.example", 0, 10, null)))
                .hasSize(1);
        assertThat(certificates.list(new CertificateFilter(42L, null, null, null, null, null, null, 0, 10, null))).isEmpty();
    }

    @Test
    void replacementLinksBothWaysAndNeverForks() {
        StoredCertificate old = certificates.add(cert("01", "f1", null, null));
        StoredCertificate renewed = certificates.add(cert("02", "f2", old.id(), null));
        assertThat(renewed.replacesId()).isEqualTo(old.id());
        StoredCertificate oldNow = certificates.require(old.id());
        assertThat(oldNow.replacedById()).isEqualTo(renewed.id());
        assertThat(oldNow.status()).isEqualTo(CertificateStatus.REPLACED);
        assertThatThrownBy(() -> certificates.add(cert("03", "f3", old.id(), null)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("already replaced");
        assertThat(db.dsl().fetchCount(CERTIFICATE)).isEqualTo(2);
    }

    @Test
    void revocationFeedsTheCrlOnce() {
        StoredCertificate c = certificates.add(cert("0a", "f1", null, null));
        Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        StoredCertificate revoked = certificates.revoke(c.id(), new Revocation(at, RevocationReason.KEY_COMPROMISE, "cli:bob"));
        assertThat(revoked.status()).isEqualTo(CertificateStatus.REVOKED);
        assertThat(revoked.revocation().reason()).isEqualTo(RevocationReason.KEY_COMPROMISE);
        assertThat(certificates.revokedBy(ca.id())).singleElement()
                .satisfies(r -> assertThat(r.serial()).isEqualTo("0a"));
        assertThatThrownBy(() -> certificates.revoke(c.id(), new Revocation(at, RevocationReason.UNSPECIFIED, "x")))
                .hasMessageContaining("already revoked");
    }

    @Test
    void anIdempotencyKeyYieldsOneRequestAndOneCertificate() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Callable<IssuanceRequest> begin = () -> certificates.beginIssuance("renew-1", ca.id(), "job:renewal",
                    Json.tree(Map.of("cn", "www.example.com")));
            List<Future<IssuanceRequest>> all = pool.invokeAll(List.of(begin, begin, begin, begin));
            long distinct = all.stream().map(f -> {
                try {
                    return f.get().id();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).distinct().count();
            assertThat(distinct).isEqualTo(1);
        } finally {
            pool.shutdown();
        }
        IssuanceRequest request = certificates.beginIssuance("renew-1", ca.id(), "job:renewal", Json.object());
        StoredCertificate c = certificates.add(cert("01", "f1", null, request.id()));
        IssuanceRequest done = certificates.beginIssuance("renew-1", ca.id(), "job:renewal", Json.object());
        assertThat(done.status()).isEqualTo(IssuanceRequest.Status.ISSUED);
        assertThat(done.certificateId()).isEqualTo(c.id());
        // a second certificate for the same request is refused and not stored
        assertThatThrownBy(() -> certificates.add(cert("02", "f2", null, request.id())))
                .hasMessageContaining("already fulfilled");
        assertThat(db.dsl().fetchCount(CERTIFICATE)).isEqualTo(1);
    }

    @Test
    void keysRewrapWithCompareAndSet() {
        StoredCertificate c = certificates.add(cert("01", "f1", null, null));
        KeyOwner owner = KeyOwner.certificate(c.id());
        assertThat(keys.wrappedByOtherThan("keystore", "v2", 10)).containsExactly(KeyOwner.authority(ca.id()), owner);
        SealedKey before = keys.find(owner).orElseThrow();
        SealedKey after = before.rewrapped(new byte[] {9}, "keystore", "v2");
        assertThat(keys.rewrap(owner, before, after)).isTrue();
        assertThat(keys.rewrap(owner, before, after)).isFalse();
        assertThat(keys.find(owner).orElseThrow().wrappedKey()).containsExactly(9);
        assertThat(keys.find(owner).orElseThrow().ciphertext()).containsExactly(1, 2, 3);
        assertThat(keys.versions()).extracting(v -> v.version() + "=" + v.keys()).containsExactly("v1=1", "v2=1");
    }

    @Test
    void expiredCertificatesAreMarked() {
        StoredCertificate c = certificates.add(cert("01", "f1", null, null));
        Instant later = c.metadata().notAfter().plusSeconds(1);
        assertThat(c.statusAt(later)).isEqualTo(CertificateStatus.EXPIRED);
        assertThat(certificates.markExpired(later)).isEqualTo(1);
        assertThat(certificates.require(c.id()).status()).isEqualTo(CertificateStatus.EXPIRED);
    }
}
