package io.watchkeeper.certmanager.rotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchkeeper.certmanager.issuer.KeySource;
import io.watchkeeper.certmanager.issuer.RenewalWindow;
import io.watchkeeper.certmanager.testing.CertStack;
import io.watchkeeper.certmanager.x509.Pem;
import io.watchkeeper.core.cert.AuthorityPolicy;
import io.watchkeeper.core.cert.CertificateRequest;
import io.watchkeeper.core.cert.CertificateStatus;
import io.watchkeeper.core.cert.KeyType;
import io.watchkeeper.core.cert.Ownership;
import io.watchkeeper.core.cert.RevocationReason;
import io.watchkeeper.core.cert.StoredCertificate;
import io.watchkeeper.core.model.InvalidInputException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Renewal planning, the due sweep, renewal with a new key exactly once, revoke-and-replace, ownership. */
class RenewalTest {

    @TempDir
    Path home;

    @Test
    void plannerUsesTwoThirdsHalfForShortLivesAndTheAriWindow() {
        Instant nb = Instant.parse("2026-01-01T00:00:00Z");
        Instant at = RenewalPlanner.renewAfter(7, nb, nb.plus(Duration.ofDays(90)), Optional.empty());
        assertThat(at).isBetween(nb.plus(Duration.ofDays(60)).minus(Duration.ofMillis((long) (Duration.ofDays(90).toMillis() * 0.05))),
                nb.plus(Duration.ofDays(60)));
        Instant shortLife = RenewalPlanner.renewAfter(7, nb, nb.plus(Duration.ofHours(1)), Optional.empty());
        assertThat(shortLife).isBetween(nb.plus(Duration.ofMinutes(27)), nb.plus(Duration.ofMinutes(30)));
        Instant ws = Instant.parse("2026-02-01T00:00:00Z");
        Instant inWindow = RenewalPlanner.renewAfter(7, nb, nb.plus(Duration.ofDays(90)),
                Optional.of(new RenewalWindow(ws, ws.plus(Duration.ofHours(2)), null, null)));
        assertThat(inWindow).isBetween(ws, ws.plus(Duration.ofHours(2)));
        // deterministic per certificate, different across certificates
        assertThat(RenewalPlanner.renewAfter(7, nb, nb.plus(Duration.ofDays(90)), Optional.empty())).isEqualTo(at);
        assertThat(RenewalPlanner.renewAfter(8, nb, nb.plus(Duration.ofDays(90)), Optional.empty())).isNotEqualTo(at);
    }

    @Test
    void theSweepRenewsDueCertificatesOnceWithNewKeysAndRevokeAndReplaceHandlesIncidents() {
        CertStack s = new CertStack(home);
        s.authorities.createRoot("ca", "Renewal Test CA", KeyType.EC_P256, Duration.ofDays(365), AuthorityPolicy.defaults(),
                true, "test");
        StoredCertificate dueSoon = issue(s, "due.example.test", Duration.ofDays(1), "alice");
        StoredCertificate later = issue(s, "later.example.test", Duration.ofDays(30), "alice");

        Clock inTwentyHours = Clock.fixed(Instant.now().plus(Duration.ofHours(20)), ZoneOffset.UTC);
        Renewals renewals = new Renewals(s.certificates, s.authorityStore, s.issuance, s.revocations, s.audit, inTwentyHours);
        assertThat(renewals.due(100)).containsExactly(dueSoon.id());
        List<Renewals.Outcome> outcomes = renewals.sweep(100, "job:renewal");
        assertThat(outcomes).hasSize(1);
        assertThat(outcomes.getFirst().error()).isNull();
        StoredCertificate renewed = s.certificates.require(outcomes.getFirst().newCertificateId());
        assertThat(renewed.replacesId()).isEqualTo(dueSoon.id());
        assertThat(renewed.metadata().dnsNames()).containsExactly("due.example.test");
        assertThat(key(renewed)).isNotEqualTo(key(dueSoon));
        assertThat(s.certificates.require(dueSoon.id()).status()).isEqualTo(CertificateStatus.REPLACED);
        // the replaced certificate is never due again; the replacement has its own renewal time, later than its start
        assertThat(renewals.due(100)).doesNotContain(dueSoon.id());
        Instant renewAfter = s.dsl.fetchSingle("SELECT renew_after FROM certificate WHERE id = ?", renewed.id())
                .get(0, java.time.OffsetDateTime.class).toInstant();
        assertThat(renewAfter).isAfter(renewed.metadata().notBefore().plus(Duration.ofHours(11)));

        // who may renew (role, accounts, owner) is the web service's rule: see CertificateServiceTest
        assertThatThrownBy(() -> renewals.renew(dueSoon.id(), "x")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("replaced");

        StoredCertificate replacement = renewals.revokeAndReplace(later.id(), RevocationReason.KEY_COMPROMISE, "alice");
        assertThat(s.certificates.require(later.id()).status()).isEqualTo(CertificateStatus.REVOKED);
        assertThat(replacement.status()).isEqualTo(CertificateStatus.ACTIVE);
        assertThat(replacement.replacesId()).isEqualTo(later.id());
        assertThat(key(replacement)).isNotEqualTo(key(later));
    }

    @Test
    void aCertificateIssuedAtTheAuthoritysMaximumValidityRenews() {
        CertStack s = new CertStack(home);
        s.authorities.createRoot("ca", "Max CA", KeyType.EC_P256, Duration.ofDays(365), AuthorityPolicy.defaults(),
                true, "test");
        StoredCertificate atMax = issue(s, "max.example.test", null, "alice"); // the default: 90 days, the maximum
        Renewals renewals = new Renewals(s.certificates, s.authorityStore, s.issuance, s.revocations, s.audit,
                Clock.systemUTC());
        StoredCertificate renewed = renewals.renew(atMax.id(), "test");
        assertThat(renewed.replacesId()).isEqualTo(atMax.id());
        assertThat(Duration.between(renewed.metadata().notBefore(), renewed.metadata().notAfter()))
                .isLessThanOrEqualTo(Duration.ofDays(90).plus(Duration.ofMinutes(1)));
    }

    private static StoredCertificate issue(CertStack s, String name, Duration validity, String owner) {
        return s.issuance.request("ca", new CertificateRequest(name, List.of(name), List.of(), KeyType.EC_P256, validity,
                Ownership.none()), new KeySource.Generate(KeyType.EC_P256), "issue:" + name, null, "test").certificate();
    }

    private static java.security.PublicKey key(StoredCertificate c) {
        return Pem.certificates(c.certificatePem(), "cert").getFirst().getPublicKey();
    }
}
