package io.watchkeeper.certmanager.acme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.watchkeeper.certmanager.Authorities;
import io.watchkeeper.certmanager.Issuance;
import io.watchkeeper.certmanager.ca.CaMaterial;
import io.watchkeeper.certmanager.ca.InternalCa;
import io.watchkeeper.certmanager.issuer.KeySource;
import io.watchkeeper.certmanager.testing.CertStack;
import io.watchkeeper.certmanager.x509.Keys;
import io.watchkeeper.certmanager.x509.Pem;
import io.watchkeeper.core.cert.Authority;
import io.watchkeeper.core.cert.AuthorityPolicy;
import io.watchkeeper.core.cert.CertificateRequest;
import io.watchkeeper.core.cert.KeyType;
import io.watchkeeper.core.cert.Ownership;
import io.watchkeeper.core.model.ErrorCategory;
import io.watchkeeper.core.model.InvalidInputException;
import io.watchkeeper.core.model.WatchkeeperException;
import io.watchkeeper.db.JooqAcmeAccounts;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shredzone.acme4j.challenge.Challenge;

/**
 * SSRF and DNS rebinding against ACME: the address rule holds on every connection, for the URLs
 * the directory hands out too. A stub ACME CA on loopback plays the CA; the lookup seam answers
 * for its names, and a test route connects the "public" test address 203.0.113.10 to the stub.
 */
class AcmeAddressGuardTest {

    private static final byte[] PUBLIC = {(byte) 203, 0, 113, 10};

    @TempDir
    Path home;

    private HttpsServer stub;
    private String rootPem;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> lookups = new ConcurrentHashMap<>();

    @BeforeEach
    void startStubCa() throws Exception {
        Instant now = Instant.now();
        CaMaterial ca = InternalCa.createRoot("Stub ACME Root", KeyType.EC_P256, Duration.ofDays(2), now);
        KeyPair key = Keys.generate(KeyType.EC_P256);
        AuthorityPolicy policy = new AuthorityPolicy(Duration.ofDays(1), null, List.of("example.test"), false, false,
                Set.of(), null);
        X509Certificate leaf = InternalCa.issue(ca, policy, new CertificateRequest("acme.example.test",
                List.of("acme.example.test", "rebind.example.test"), List.of(), null, null, Ownership.none()),
                key.getPublic(), now);
        rootPem = Pem.encode(ca.certificate());
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("tls", key.getPrivate(), "stub".toCharArray(), new X509Certificate[] {leaf, ca.certificate()});
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "stub".toCharArray());
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(kmf.getKeyManagers(), null, null);
        stub = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        stub.setHttpsConfigurator(new HttpsConfigurator(ssl));
        stub.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            requests.add(exchange.getRequestMethod() + " " + path);
            exchange.getResponseHeaders().add("Replay-Nonce", "nonce" + System.nanoTime());
            exchange.getRequestBody().readAllBytes();
            String body = null;
            int status = 200;
            if (path.equals("/dir")) {
                String base = "https://" + exchange.getRequestHeaders().getFirst("Host");
                body = "{\"newNonce\":\"" + base + "/nonce\",\"newAccount\":\"" + base + "/acct\","
                        // the directory hands out an internal address for new orders
                        + "\"newOrder\":\"https://127.0.0.1:" + stub.getAddress().getPort() + "/order\","
                        + "\"revokeCert\":\"" + base + "/revoke\",\"keyChange\":\"" + base + "/key\"}";
            } else if (path.equals("/acct")) {
                status = 201;
                exchange.getResponseHeaders().add("Location", "https://acme.example.test/acct/1");
                body = "{\"status\":\"valid\",\"orders\":\"https://acme.example.test/acct/1/orders\"}";
            } else if (!path.equals("/nonce")) {
                status = 404;
            }
            if (body == null) {
                exchange.sendResponseHeaders(status, -1);
            } else {
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(status, bytes.length);
                exchange.getResponseBody().write(bytes);
            }
            exchange.close();
        });
        stub.start();
    }

    @AfterEach
    void stopStubCa() {
        stub.stop(0);
    }

    /**
     * acme.example.test is always public; rebind.example.test is public on its first lookup and
     * loopback afterwards. Both the public test address and loopback:443 lead to the stub, so any
     * connection the guard let through would show up in {@link #requests}.
     */
    private AcmeAddressGuard.Network network() {
        return new AcmeAddressGuard.Network(host -> {
            int n = lookups.computeIfAbsent(host, h -> new AtomicInteger()).incrementAndGet();
            return switch (host) {
                case "acme.example.test" -> new InetAddress[] {InetAddress.getByAddress(host, PUBLIC)};
                case "rebind.example.test" -> new InetAddress[] {n == 1 ? InetAddress.getByAddress(host, PUBLIC)
                        : InetAddress.getByAddress(host, new byte[] {127, 0, 0, 1})};
                default -> {
                    if (!host.matches("[0-9.]+")) {
                        throw new UnknownHostException(host);
                    }
                    yield new InetAddress[] {InetAddress.getByName(host)};
                }
            };
        }, address -> address.getPort() == 443 || address.getAddress().isLoopbackAddress()
                ? new InetSocketAddress("127.0.0.1", stub.getAddress().getPort()) : address);
    }

    private AcmeRegistration.Request request(String name, String host) {
        return new AcmeRegistration.Request(name, "https://" + host + "/dir", rootPem, rootPem, null, null, null,
                List.of(), null, false);
    }

    @Test
    void aNameThatResolvesPublicFirstAndInternalLaterIsRefusedWhenTheConnectionIsMade() {
        CertStack s = new CertStack(home);
        AcmeRegistration registration = new AcmeRegistration(s.authorityStore, new JooqAcmeAccounts(s.dsl), s.sealer,
                s.audit, network());
        assertThatThrownBy(() -> registration.register(request("rebound", "rebind.example.test"), "tester"))
                .isInstanceOf(WatchkeeperException.class)
                .hasMessageContaining("rebind.example.test resolves to an internal address (127.0.0.1)")
                .satisfies(e -> assertThat(((WatchkeeperException) e).category()).isEqualTo(ErrorCategory.DENIED));
        assertThat(lookups.get("rebind.example.test").get()).isGreaterThanOrEqualTo(2); // checked, then checked again
        assertThat(requests).isEmpty(); // the stub (where loopback leads) was never contacted
        assertThat(s.authorityStore.list()).isEmpty();
    }

    @Test
    void aDirectoryThatPointsNewOrderAtAnInternalAddressIsRefusedWhenTheOrderIsPlaced() {
        CertStack s = new CertStack(home);
        JooqAcmeAccounts accounts = new JooqAcmeAccounts(s.dsl);
        Authority authority = new AcmeRegistration(s.authorityStore, accounts, s.sealer, s.audit, network())
                .register(request("stub", "acme.example.test"), "tester");
        assertThat(requests).contains("GET /dir", "POST /acct"); // the public CA itself is reachable
        requests.clear();
        Authorities authorities = new Authorities(s.authorityStore, s.vault, s.sealer, s.audit, Clock.systemUTC(),
                new AcmeIssuers(accounts, s.vault, s.sealer, new NoSolver(), network()));
        Issuance issuance = new Issuance(authorities, s.certificates, s.sealer, s.audit);
        assertThatThrownBy(() -> issuance.request("stub", new CertificateRequest(null, List.of("www.example.test"),
                List.of(), KeyType.EC_P256, null, Ownership.none()), new KeySource.Generate(KeyType.EC_P256), "o-1", null,
                "tester"))
                .isInstanceOf(WatchkeeperException.class)
                .hasMessageContaining("resolves to an internal address (127.0.0.1)");
        assertThat(requests).noneMatch(r -> r.contains("/order"));
        assertThat(authority.kind()).isEqualTo(io.watchkeeper.core.cert.AuthorityKind.ACME);
    }

    @Test
    void internalAddressesAreRefusedAndPublicOnesPass() throws Exception {
        AcmeAddressGuard guard = AcmeAddressGuard.Network.SYSTEM.guard(false);
        for (String internal : List.of("127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254",
                "100.64.0.1", "0.0.0.0", "::1", "fd00::1", "fe80::1", "224.0.0.1")) {
            assertThatThrownBy(() -> guard.resolve(internal, 443)).as(internal)
                    .isInstanceOf(AcmeAddressGuard.RefusedAddressException.class);
        }
        assertThat(guard.resolve("203.0.113.10", 443)).singleElement()
                .satisfies(a -> assertThat(a.getPort()).isEqualTo(443));
        assertThat(AcmeAddressGuard.Network.SYSTEM.guard(true).resolve("127.0.0.1")).hasSize(1);
        assertThatThrownBy(() -> AcmeEndpoint.check("https://169.254.169.254/dir", false))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("internal address");
        assertThatThrownBy(() -> AcmeEndpoint.check("http://acme.example.test/dir", false))
                .hasMessageContaining("https");
    }

    /** Never reached: the order is refused before any challenge. */
    private static final class NoSolver implements ChallengeSolver {
        @Override
        public String type() {
            return "http-01";
        }

        @Override
        public void present(String domain, Challenge challenge) {
            throw new AssertionError("no challenge expected");
        }

        @Override
        public void cleanup(String domain, Challenge challenge) {
            // nothing was presented
        }
    }
}
