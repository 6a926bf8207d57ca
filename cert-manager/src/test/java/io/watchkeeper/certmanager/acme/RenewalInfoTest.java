package io.watchkeeper.certmanager.acme;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.watchkeeper.certmanager.issuer.KeySource;
import io.watchkeeper.certmanager.issuer.RenewalWindow;
import io.watchkeeper.certmanager.testing.CertStack;
import io.watchkeeper.certmanager.testing.Openssl;
import io.watchkeeper.certmanager.testing.Pebble;
import io.watchkeeper.certmanager.x509.Keys;
import io.watchkeeper.certmanager.x509.Pem;
import io.watchkeeper.core.cert.AcmeAccount;
import io.watchkeeper.core.cert.Authority;
import io.watchkeeper.core.cert.CertificateRequest;
import io.watchkeeper.core.cert.KeyType;
import io.watchkeeper.core.cert.Ownership;
import io.watchkeeper.core.cert.StoredCertificate;
import io.watchkeeper.db.JooqAcmeAccounts;
import io.watchkeeper.certmanager.Authorities;
import io.watchkeeper.certmanager.Issuance;
import java.io.FileInputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ACME Renewal Information (RFC 9773). Debian's Pebble predates ARI, so a stub CA on loopback
 * serves a directory with {@code renewalInfo} and a window the test moves; without ARI the issuer
 * says nothing and the scheduler falls back to 2/3 of the lifetime.
 */
class RenewalInfoTest {

    @TempDir
    Path home;

    @Test
    void theWindowComesFromTheCaAndMovesWhenTheCaMovesIt() throws Exception {
        try (Pebble pebble = new Pebble(false)) {
            CertStack base = new CertStack(home);
            JooqAcmeAccounts accounts = new JooqAcmeAccounts(base.dsl);
            AcmeIssuers issuers = new AcmeIssuers(accounts, base.vault, base.sealer,
                    ChallTestSrvSolver.http01(pebble.challengeManagement()));
            Authorities authorities = new Authorities(base.authorityStore, base.vault, base.sealer, base.audit,
                    Clock.systemUTC(), issuers);
            Authority authority = new AcmeRegistration(base.authorityStore, accounts, base.sealer, base.audit)
                    .register(new AcmeRegistration.Request("pebble", pebble.directoryUrl(), pebble.issuingRootPem(),
                            pebble.listenerCaPem, null, null, null, List.of(), null, true), "tester");
            StoredCertificate cert = new Issuance(authorities, base.certificates, base.sealer, base.audit)
                    .request("pebble", new CertificateRequest(null, List.of("ari.example.test"), List.of(), KeyType.EC_P256,
                            null, Ownership.none()), new KeySource.Generate(KeyType.EC_P256), "ari", null, "tester")
                    .certificate();
            // Pebble 2.4 offers no renewalInfo: no window, the caller uses its own schedule
            assertThat(issuers.open(authority).renewalWindow(cert)).isEmpty();

            Instant start = Instant.now().plus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
            AtomicReference<String> window = new AtomicReference<>(windowJson(start, start.plus(5, ChronoUnit.MINUTES)));
            HttpsServer stub = stub(pebble, window);
            try {
                String base64 = "https://127.0.0.1:" + stub.getAddress().getPort();
                var keys = Keys.generate(KeyType.EC_P256);
                AcmeAccount account = new AcmeAccount(authority.id(), base64 + "/dir", base64 + "/acct/1",
                        Pem.encode(keys.getPublic()), pebble.listenerCaPem, null, null, null, true);
                AcmeIssuer issuer = new AcmeIssuer(authority, account, keys, ChallTestSrvSolver.http01(pebble.challengeManagement()));
                Optional<RenewalWindow> first = issuer.renewalWindow(cert);
                assertThat(first).isPresent();
                assertThat(first.get().start()).isEqualTo(start);
                assertThat(first.get().end()).isEqualTo(start.plus(5, ChronoUnit.MINUTES));
                assertThat(first.get().retryAfter()).isNotNull();

                Instant earlier = Instant.now().minus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
                window.set(windowJson(earlier, earlier.plus(2, ChronoUnit.MINUTES))); // e.g. a mass revocation
                assertThat(issuer.renewalWindow(cert).orElseThrow().start()).isEqualTo(earlier);
            } finally {
                stub.stop(0);
            }
        }
    }

    private static String windowJson(Instant start, Instant end) {
        return "{\"suggestedWindow\":{\"start\":\"" + start + "\",\"end\":\"" + end + "\"}}";
    }

    /** A directory with renewalInfo, served over https with Pebble's listener certificate. */
    private HttpsServer stub(Pebble pebble, AtomicReference<String> window) throws Exception {
        Openssl.Result p12 = Openssl.run(pebble.dir, "pkcs12", "-export", "-in", "cert.pem", "-inkey", "key.pem",
                "-out", "stub.p12", "-passout", "pass:stub");
        assertThat(p12.exit()).as(p12.output()).isZero();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (FileInputStream in = new FileInputStream(pebble.dir.resolve("stub.p12").toFile())) {
            ks.load(in, "stub".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "stub".toCharArray());
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(kmf.getKeyManagers(), null, null);
        HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(ssl));
        server.createContext("/", exchange -> {
            String base = "https://127.0.0.1:" + server.getAddress().getPort();
            String path = exchange.getRequestURI().getPath();
            String body;
            if (path.equals("/dir")) {
                body = "{\"newNonce\":\"" + base + "/nonce\",\"newAccount\":\"" + base + "/acct\",\"newOrder\":\"" + base
                        + "/order\",\"revokeCert\":\"" + base + "/revoke\",\"keyChange\":\"" + base + "/key\","
                        + "\"renewalInfo\":\"" + base + "/renewal-info\"}";
            } else if (path.startsWith("/renewal-info/")) {
                body = window.get();
                exchange.getResponseHeaders().add("Retry-After", "3600");
            } else {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        return server;
    }
}
