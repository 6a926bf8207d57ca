package io.watchkeeper.certmanager.ca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchkeeper.certmanager.testing.Openssl;
import io.watchkeeper.certmanager.x509.Keys;
import io.watchkeeper.certmanager.x509.Pem;
import io.watchkeeper.core.cert.AuthorityPolicy;
import io.watchkeeper.core.cert.CertificateRequest;
import io.watchkeeper.core.cert.KeyType;
import io.watchkeeper.core.cert.Ownership;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Real TLS handshakes on loopback with issued certificates: a Java client and openssl s_client. */
class TlsHandshakeTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = KeyType.class, names = {"EC_P256", "RSA_2048"})
    void clientsTrustingTheRootAcceptTheServer(KeyType type) throws Exception {
        Instant now = Instant.now();
        CaMaterial root = InternalCa.createRoot("TLS Root " + type, type, Duration.ofDays(365), now);
        CaMaterial issuing = InternalCa.createIntermediate(root, "TLS Issuing " + type, type, Duration.ofDays(100), null, now);
        KeyPair pair = Keys.generate(type);
        X509Certificate leaf = InternalCa.issue(issuing, new AuthorityPolicy(Duration.ofDays(30), null, List.of(), false,
                true, Set.of(), null), new CertificateRequest("localhost", List.of(), List.of("127.0.0.1"), null, null,
                Ownership.none()), pair.getPublic(), now);

        KeyStore serverKeys = KeyStore.getInstance("PKCS12");
        serverKeys.load(null, null);
        serverKeys.setKeyEntry("server", pair.getPrivate(), "changeit".toCharArray(),
                new X509Certificate[] {leaf, issuing.certificate()});
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(serverKeys, "changeit".toCharArray());
        SSLContext serverContext = SSLContext.getInstance("TLS");
        serverContext.init(kmf.getKeyManagers(), null, null);

        ExecutorService serverThread = Executors.newSingleThreadExecutor();
        try (SSLServerSocket server = (SSLServerSocket) serverContext.getServerSocketFactory().createServerSocket()) {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            server.setSoTimeout(60_000);
            serverThread.submit(() -> serve(server));
            int port = server.getLocalPort();

            // Java client trusting only the root
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("root", root.certificate());
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext clientContext = SSLContext.getInstance("TLS");
            clientContext.init(null, tmf.getTrustManagers(), null);
            assertThat(talk(clientContext, port, "localhost")).isEqualTo("hello over TLS");

            // a client trusting another root refuses the handshake
            SSLContext stranger = SSLContext.getInstance("TLS");
            KeyStore otherTrust = KeyStore.getInstance("PKCS12");
            otherTrust.load(null, null);
            otherTrust.setCertificateEntry("other", InternalCa.createRoot("Other", KeyType.EC_P256, Duration.ofDays(10), now)
                    .certificate());
            TrustManagerFactory otherTmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            otherTmf.init(otherTrust);
            stranger.init(null, otherTmf.getTrustManagers(), null);
            assertThatThrownBy(() -> talk(stranger, port, "localhost")).isInstanceOf(SSLHandshakeException.class);

            // openssl s_client with the root only, verification errors fatal
            Files.writeString(dir.resolve("root.pem"), Pem.encode(root.certificate()));
            Openssl.Result sClient = Openssl.withInput(dir, "", "s_client", "-connect", "127.0.0.1:" + port,
                    "-servername", "localhost", "-CAfile", "root.pem", "-verify_return_error", "-verify_hostname",
                    "localhost");
            assertThat(sClient.output()).contains("Verify return code: 0 (ok)");
        } finally {
            serverThread.shutdownNow();
        }
    }

    private static String talk(SSLContext context, int port, String host) throws Exception {
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(30_000);
            SSLParameters params = socket.getSSLParameters();
            params.setEndpointIdentificationAlgorithm("HTTPS");
            params.setServerNames(List.of(new SNIHostName(host)));
            socket.setSSLParameters(params);
            socket.startHandshake();
            InputStream in = socket.getInputStream();
            return new String(in.readNBytes(14), StandardCharsets.UTF_8);
        }
    }

    private static void serve(SSLServerSocket server) {
        while (!server.isClosed()) {
            try (SSLSocket socket = (SSLSocket) server.accept()) {
                socket.setSoTimeout(30_000);
                socket.startHandshake();
                OutputStream out = socket.getOutputStream();
                out.write("hello over TLS".getBytes(StandardCharsets.UTF_8));
                out.flush();
            } catch (Exception e) {
                // a refused handshake or a closed socket: next connection
            }
        }
    }
}
