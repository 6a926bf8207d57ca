package io.watchkeeper.certmanager.acme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchkeeper.certmanager.Authorities;
import io.watchkeeper.certmanager.Issuance;
import io.watchkeeper.certmanager.Revocations;
import io.watchkeeper.certmanager.issuer.KeySource;
import io.watchkeeper.certmanager.testing.CertStack;
import io.watchkeeper.certmanager.testing.Openssl;
import io.watchkeeper.certmanager.testing.Pebble;
import io.watchkeeper.certmanager.x509.Pem;
import io.watchkeeper.core.cert.Authority;
import io.watchkeeper.core.cert.CertificateRequest;
import io.watchkeeper.core.cert.CertificateStatus;
import io.watchkeeper.core.cert.KeyType;
import io.watchkeeper.core.cert.Ownership;
import io.watchkeeper.core.cert.RevocationReason;
import io.watchkeeper.core.cert.StoredCertificate;
import io.watchkeeper.core.model.InvalidInputException;
import io.watchkeeper.core.model.WatchkeeperException;
import io.watchkeeper.db.JooqAcmeAccounts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shredzone.acme4j.challenge.Challenge;

/**
 * The whole ACME path against a real Pebble CA with real HTTP-01 and DNS-01 validation through its
 * challenge server: registration (with and without external account binding), issuance with a
 * Watchkeeper-made key, chain verification, renewal with a new key, revocation with a reason, and
 * a crash between order and storage that resumes the same order exactly once.
 */
class AcmeIssuanceTest {

    private static Pebble pebble;
    @TempDir
    static Path home;

    @BeforeAll
    static void start() {
        pebble = new Pebble(false);
    }

    @AfterAll
    static void stop() {
        pebble.close();
    }

    /** A certificate manager whose ACME authorities answer challenges with {@code solver}. */
    private static Stack stack(ChallengeSolver solver) {
        CertStack base = new CertStack(home.resolve("s" + System.nanoTime()));
        JooqAcmeAccounts accounts = new JooqAcmeAccounts(base.dsl);
        Authorities authorities = new Authorities(base.authorityStore, base.vault, base.sealer, base.audit,
                Clock.systemUTC(), new AcmeIssuers(accounts, base.vault, base.sealer, solver));
        Issuance issuance = new Issuance(authorities, base.certificates, base.sealer, base.audit);
        Revocations revocations = new Revocations(authorities, base.authorityStore, base.certificates, base.audit, null,
                Duration.ofDays(7), Clock.systemUTC());
        return new Stack(base, new AcmeRegistration(base.authorityStore, accounts, base.sealer, base.audit), issuance,
                revocations);
    }

    private record Stack(CertStack base, AcmeRegistration registration, Issuance issuance, Revocations revocations) {
        Authority register(Pebble ca, String name, String kid, String key) {
            return registration.register(new AcmeRegistration.Request(name, ca.directoryUrl(), ca.issuingRootPem(),
                    ca.listenerCaPem, "ops@example.test", kid, key, List.of(), null, true), "tester");
        }
    }

    private static CertificateRequest request(String... names) {
        return new CertificateRequest(null, List.of(names), List.of(), KeyType.EC_P256, null, Ownership.none());
    }

    @Test
    void http01IssuesAVerifiableCertificateWithASealedKeyAndRenewsWithANewKey() throws Exception {
        Stack s = stack(ChallTestSrvSolver.http01(pebble.challengeManagement()));
        s.register(pebble, "pebble", null, null);
        StoredCertificate cert = s.issuance().request("pebble", request("www.example.test", "api.example.test"),
                new KeySource.Generate(KeyType.EC_P256), "first", null, "tester").certificate();
        assertThat(cert.metadata().dnsNames()).containsExactlyInAnyOrder("www.example.test", "api.example.test");
        assertThat(cert.hasPrivateKey()).isTrue();
        assertThat(Duration.between(cert.metadata().notBefore(), cert.metadata().notAfter())).isLessThanOrEqualTo(Duration.ofHours(1));

        Path dir = Files.createTempDirectory("verify");
        Files.writeString(dir.resolve("root.pem"), pebble.issuingRootPem());
        Files.writeString(dir.resolve("chain.pem"), String.join("", cert.chainPem()));
        Files.writeString(dir.resolve("leaf.pem"), cert.certificatePem());
        Openssl.Result verify = Openssl.run(dir, "verify", "-CAfile", "root.pem", "-untrusted", "chain.pem", "leaf.pem");
        assertThat(verify.output()).as(verify.output()).contains("leaf.pem: OK");

        StoredCertificate renewed = s.issuance().request("pebble", request("www.example.test", "api.example.test"),
                new KeySource.Generate(KeyType.EC_P256), "renew:" + cert.id(), cert.id(), "tester").certificate();
        assertThat(renewed.id()).isNotEqualTo(cert.id());
        assertThat(renewed.replacesId()).isEqualTo(cert.id());
        assertThat(Pem.certificates(renewed.certificatePem(), "renewed").getFirst().getPublicKey())
                .isNotEqualTo(Pem.certificates(cert.certificatePem(), "first").getFirst().getPublicKey());
        // the same idempotency key again: the stored certificate, no new order
        var again = s.issuance().request("pebble", request("www.example.test", "api.example.test"),
                new KeySource.Generate(KeyType.EC_P256), "renew:" + cert.id(), cert.id(), "tester");
        assertThat(again.alreadyIssued()).isTrue();
        assertThat(again.certificate().id()).isEqualTo(renewed.id());
    }

    @Test
    void dns01AndRevocationWithAReasonAtTheCa() {
        Stack s = stack(ChallTestSrvSolver.dns01(pebble.challengeManagement()));
        s.register(pebble, "pebble-dns", null, null);
        StoredCertificate cert = s.issuance().request("pebble-dns", request("dns.example.test"),
                new KeySource.Generate(KeyType.EC_P256), "dns-1", null, "tester").certificate();
        assertThat(pebble.certificateStatus(cert.metadata().serial())).contains("Valid");
        assertThat(s.revocations().revoke(cert.id(), RevocationReason.KEY_COMPROMISE, "tester")).isNull();
        assertThat(pebble.certificateStatus(cert.metadata().serial())).contains("Revoked");
        assertThat(s.base().certificates.require(cert.id()).status()).isEqualTo(CertificateStatus.REVOKED);
    }

    @Test
    void aCrashBetweenOrderAndStorageResumesTheSameOrderOnce() {
        AtomicBoolean crash = new AtomicBoolean(true);
        ChallengeSolver real = ChallTestSrvSolver.http01(pebble.challengeManagement());
        ChallengeSolver crashing = new ChallengeSolver() {
            @Override
            public String type() {
                return real.type();
            }

            @Override
            public void present(String domain, Challenge challenge) {
                if (crash.getAndSet(false)) {
                    throw new IllegalStateException("process killed after the order was placed");
                }
                real.present(domain, challenge);
            }

            @Override
            public void cleanup(String domain, Challenge challenge) {
                real.cleanup(domain, challenge);
            }
        };
        Stack s = stack(crashing);
        s.register(pebble, "pebble-crash", null, null);
        assertThatThrownBy(() -> s.issuance().request("pebble-crash", request("crash.example.test"),
                new KeySource.Generate(KeyType.EC_P256), "crash-1", null, "tester")).hasMessageContaining("killed");
        var dsl = s.base().dsl;
        String orderUrl = dsl.fetchSingle("SELECT external_ref FROM issuance_request WHERE idempotency_key = 'crash-1'")
                .get(0, String.class);
        Long reserved = dsl.fetchSingle("SELECT reserved_certificate_id FROM issuance_request WHERE idempotency_key = 'crash-1'")
                .get(0, Long.class);
        assertThat(orderUrl).as("the order is recorded before anything else can fail").startsWith("https://");
        assertThat(dsl.fetchCount(dsl.selectFrom("certificate"))).isZero();

        var result = s.issuance().request("pebble-crash", request("crash.example.test"),
                new KeySource.Generate(KeyType.EC_P256), "crash-1", null, "tester");
        assertThat(result.alreadyIssued()).isFalse();
        assertThat(result.certificate().id()).isEqualTo(reserved);
        assertThat(dsl.fetchSingle("SELECT external_ref FROM issuance_request WHERE idempotency_key = 'crash-1'")
                .get(0, String.class)).isEqualTo(orderUrl);
        assertThat(dsl.fetchCount(dsl.selectFrom("certificate"))).isOne();
        assertThat(s.base().audit).isNotNull();
    }

    @Test
    void aProcessKilledBetweenOrderAndStorageIsResumedByTheNextOneWithoutASecondCertificate() throws Exception {
        Path stackHome = home.resolve("killed");
        CertStack base = new CertStack(stackHome);
        JooqAcmeAccounts accounts = new JooqAcmeAccounts(base.dsl);
        ChallengeSolver solver = ChallTestSrvSolver.http01(pebble.challengeManagement());
        Authorities authorities = new Authorities(base.authorityStore, base.vault, base.sealer, base.audit,
                Clock.systemUTC(), new AcmeIssuers(accounts, base.vault, base.sealer, solver));
        new AcmeRegistration(base.authorityStore, accounts, base.sealer, base.audit).register(new AcmeRegistration.Request(
                "pebble-kill", pebble.directoryUrl(), pebble.issuingRootPem(), pebble.listenerCaPem, null, null, null,
                List.of(), null, true), "tester");

        Process victim = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CrashingIssuanceMain.class.getName(), base.db.jdbcUrl(),
                stackHome.resolve("master-keys.p12").toString(), pebble.challengeManagement().toString(), "pebble-kill",
                "kill-1").redirectErrorStream(true).start();
        String output = new String(victim.getInputStream().readAllBytes());
        assertThat(victim.waitFor()).as(output).isEqualTo(137);
        var dsl = base.dsl;
        String orderUrl = dsl.fetchSingle("SELECT external_ref FROM issuance_request WHERE idempotency_key = 'kill-1'")
                .get(0, String.class);
        assertThat(orderUrl).startsWith("https://");
        assertThat(dsl.fetchCount(dsl.selectFrom("certificate"))).isZero();

        StoredCertificate resumed = new Issuance(authorities, base.certificates, base.sealer, base.audit)
                .request("pebble-kill", request("killed.example.test"), new KeySource.Generate(KeyType.EC_P256), "kill-1",
                        null, "tester").certificate();
        assertThat(resumed.metadata().dnsNames()).containsExactly("killed.example.test");
        assertThat(dsl.fetchCount(dsl.selectFrom("certificate"))).isOne();
        assertThat(dsl.fetchSingle("SELECT external_ref FROM issuance_request WHERE idempotency_key = 'kill-1'")
                .get(0, String.class)).as("the same order finished").isEqualTo(orderUrl);
    }

    @Test
    void externalAccountBindingIsRequiredWhenTheCaSaysSo() {
        try (Pebble eab = new Pebble(true)) {
            Stack s = stack(ChallTestSrvSolver.http01(eab.challengeManagement()));
            assertThatThrownBy(() -> s.register(eab, "no-eab", null, null)).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("external account binding");
            assertThatThrownBy(() -> s.register(eab, "bad-eab", Pebble.EAB_KID,
                    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"))
                    .isInstanceOf(WatchkeeperException.class);
            Authority ok = s.register(eab, "with-eab", Pebble.EAB_KID, Pebble.EAB_KEY);
            assertThat(ok.name()).isEqualTo("with-eab");
            assertThat(s.base().authorityStore.findByName("no-eab")).isEmpty();
        }
    }

    @Test
    void directoryUrlsThatCouldReachInsideAreRefusedBeforeAnyConnection() {
        Stack s = stack(ChallTestSrvSolver.http01(pebble.challengeManagement()));
        for (String url : List.of("http://acme.example.test/dir", "file:///etc/passwd", "https://10.0.0.1/dir",
                "https://169.254.169.254/latest", "https://127.0.0.1:" + pebble.acmePort + "/dir", "https://[::1]/dir",
                "https://user@example.test/dir")) {
            assertThatThrownBy(() -> s.registration().register(new AcmeRegistration.Request("ssrf", url,
                    pebble.issuingRootPem(), null, null, null, null, List.of(), null, false), "tester"))
                    .as(url).isInstanceOf(InvalidInputException.class);
        }
        assertThat(s.base().authorityStore.list()).isEmpty();
    }
}
