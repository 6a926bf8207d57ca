package io.watchkeeper.certmanager.destination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchkeeper.certmanager.issuer.KeySource;
import io.watchkeeper.certmanager.rotation.Renewals;
import io.watchkeeper.certmanager.testing.CertStack;
import io.watchkeeper.certmanager.x509.Pem;
import io.watchkeeper.core.cert.AuthorityPolicy;
import io.watchkeeper.core.cert.CertificateRequest;
import io.watchkeeper.core.cert.KeyType;
import io.watchkeeper.core.cert.Ownership;
import io.watchkeeper.core.cert.StoredCertificate;
import io.watchkeeper.db.JooqDeployments;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deploy to a PEM bundle, rotate, and verify with a real TLS handshake against a server that
 * serves the files: a renewal is installed where the old certificate was and only supersedes it
 * once the endpoint serves the new one; a server that keeps serving the old one is reported.
 */
class PemRotationTest {

    @TempDir
    Path home;

    @Test
    void renewalsAreRedeployedAndVerifiedBeforeTheOldDeploymentIsRetired() throws Exception {
        CertStack s = new CertStack(home.resolve("stack"));
        s.authorities.createRoot("ca", "Deploy CA", KeyType.EC_P256, Duration.ofDays(30), AuthorityPolicy.defaults(), true, "t");
        StoredCertificate first = s.issuance.request("ca", new CertificateRequest("web.example.test",
                List.of("web.example.test"), List.of(), KeyType.EC_P256, Duration.ofDays(2), Ownership.none()),
                new KeySource.Generate(KeyType.EC_P256), "web-1", null, "alice").certificate();
        JooqDeployments store = new JooqDeployments(s.dsl);
        Deployments deployments = new Deployments(store, s.certificates, s.vault, s.sealer, s.audit);
        Path prefix = home.resolve("tls/web");

        // a server that reads the bundle at every handshake, as a reloaded nginx would
        try (TlsServer live = new TlsServer(() -> read(prefix))) {
            String probe = "127.0.0.1:" + live.port();
            // who may deploy (role, accounts, owner) is the web service's rule: see CertificateServiceTest
            Deployments.Result deployed = deployments.deployPem(first.id(), prefix.toString(), List.of("true"), probe,
                    "alice");
            assertThat(deployed.verified()).as(deployed.detail()).isTrue();
            assertThat(Files.getPosixFilePermissions(Path.of(prefix + ".key")))
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
            assertThat(TlsProbe.servedFingerprint(probe, 2000)).isEqualTo(first.metadata().sha256Fingerprint());

            Renewals renewals = new Renewals(s.certificates, s.authorityStore, s.issuance, s.revocations, s.audit,
                    Clock.systemUTC(), deployments);
            StoredCertificate second = renewals.renew(first.id(), "alice");
            assertThat(TlsProbe.servedFingerprint(probe, 2000)).isEqualTo(second.metadata().sha256Fingerprint());
            assertThat(store.current(first.id())).isEmpty(); // superseded
            assertThat(store.current(second.id())).singleElement().satisfies(d -> assertThat(d.status()).isEqualTo("VERIFIED"));

            // a server that never reloads keeps serving the second certificate: the third is not verified
            try (TlsServer stale = new TlsServer(cached(read(prefix)))) {
                Path stalePrefix = home.resolve("tls/stale");
                String staleProbe = "127.0.0.1:" + stale.port();
                store.add(second.id(), "pem-file", stalePrefix.toString(), List.of(), staleProbe, "alice");
                assertThatThrownBy(() -> renewals.renew(second.id(), "alice"))
                        .isInstanceOf(Renewals.RotationUnverifiedException.class).hasMessageContaining(staleProbe);
                assertThat(store.current(second.id())).extracting(d -> d.target()).containsExactly(stalePrefix.toString());
                assertThat(s.certificates.events(second.id())).anyMatch(e -> e.event().equals("rotation-unverified"));
            }
        }
        // a failing reload command is a failed deployment with its reason
        Deployments.Result failed = deployments.deployPem(first.id(), home.resolve("tls/other").toString(), List.of("false"),
                null, "alice");
        assertThat(failed.verified()).isFalse();
        assertThat(failed.detail()).contains("reload command failed");
    }

    @Test
    void endpointsJoinTheInventoryOnceAsDiscovered() throws Exception {
        CertStack elsewhere = new CertStack(home.resolve("elsewhere"));
        elsewhere.authorities.createRoot("other", "Other CA", KeyType.EC_P256, Duration.ofDays(30), AuthorityPolicy.defaults(), true, "t");
        StoredCertificate foreign = elsewhere.issuance.request("other", new CertificateRequest("svc.example.test",
                List.of("svc.example.test"), List.of(), KeyType.EC_P256, Duration.ofDays(3), Ownership.none()),
                new KeySource.Generate(KeyType.EC_P256), "svc", null, "t").certificate();
        Path prefix = home.resolve("foreign/svc");
        new Deployments(new JooqDeployments(elsewhere.dsl), elsewhere.certificates, elsewhere.vault, elsewhere.sealer,
                elsewhere.audit).deployPem(foreign.id(), prefix.toString(), List.of(), null, "t");

        CertStack s = new CertStack(home.resolve("inventory"));
        io.watchkeeper.certmanager.Discovery discovery = new io.watchkeeper.certmanager.Discovery(s.certificates, s.audit);
        try (TlsServer server = new TlsServer(cached(read(prefix)))) {
            String endpoint = "127.0.0.1:" + server.port();
            var first = discovery.endpoint(endpoint, Ownership.none(), "job:discovery");
            assertThat(first.isNew()).isTrue();
            assertThat(first.certificate().source()).isEqualTo(io.watchkeeper.core.cert.CertificateSource.DISCOVERED);
            assertThat(first.certificate().metadata().sha256Fingerprint()).isEqualTo(foreign.metadata().sha256Fingerprint());
            assertThat(first.certificate().hasPrivateKey()).isFalse();
            var again = discovery.endpoint(endpoint, Ownership.none(), "job:discovery");
            assertThat(again.isNew()).isFalse();
            assertThat(again.certificate().id()).isEqualTo(first.certificate().id());
        }
        assertThatThrownBy(() -> discovery.endpoint("127.0.0.1:1", Ownership.none(), "t")).hasMessageContaining("cannot reach");
    }

    private static Material read(Path prefix) {
        try {
            List<X509Certificate> chain = Pem.certificates(Files.readString(Path.of(prefix + ".crt")), "bundle");
            PrivateKey key = Pem.privateKey(Files.readString(Path.of(prefix + ".key")), "key");
            return new Material(chain, key);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Supplier<Material> cached(Material m) {
        return () -> m;
    }

    private record Material(List<X509Certificate> chain, PrivateKey key) {}

    /** A loopback TLS server whose certificate comes from {@code material} at every handshake. */
    private static final class TlsServer implements AutoCloseable {
        private final Thread thread;
        private final java.net.ServerSocket plain;

        TlsServer(Supplier<Material> material) throws Exception {
            java.net.ServerSocket plain = new java.net.ServerSocket(0, 10, InetAddress.getLoopbackAddress());
            thread = Thread.ofVirtual().start(() -> {
                while (!plain.isClosed()) {
                    try (Socket raw = plain.accept()) {
                        Material m = material.get();
                        KeyStore ks = KeyStore.getInstance("PKCS12");
                        ks.load(null, null);
                        ks.setKeyEntry("tls", m.key(), "x".toCharArray(), m.chain().toArray(X509Certificate[]::new));
                        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                        kmf.init(ks, "x".toCharArray());
                        SSLContext ssl = SSLContext.getInstance("TLS");
                        ssl.init(kmf.getKeyManagers(), null, null);
                        try (SSLSocket tls = (SSLSocket) ssl.getSocketFactory().createSocket(raw, null, raw.getPort(), false)) {
                            tls.setUseClientMode(false);
                            tls.startHandshake();
                        }
                    } catch (Exception e) {
                        // the next connection gets a fresh try
                    }
                }
            });
            this.plain = plain;
        }

        int port() {
            return plain.getLocalPort();
        }

        @Override
        public void close() throws Exception {
            plain.close();
            thread.join(2000);
        }
    }
}
