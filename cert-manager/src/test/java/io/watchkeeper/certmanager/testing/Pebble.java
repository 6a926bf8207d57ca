package io.watchkeeper.certmanager.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The Pebble ACME test CA and its challenge server (Debian packages {@code pebble}), started on free
 * loopback ports with a listener certificate made by openssl, 1-hour certificates and, optionally,
 * external account binding required. Fails with the install command when Pebble is missing.
 */
public final class Pebble implements AutoCloseable {

    public static final String EAB_KID = "kid-1";
    public static final String EAB_KEY = "zWNDZM6eQGHWpSRTPal5eIUYFTu7EajVIoguysqZ9wG44nMEtx3MUAsUDkMTQ12W";

    public final Path dir;
    public final int acmePort;
    public final int managementPort;
    public final int challengeManagementPort;
    public final String listenerCaPem;
    private final List<Process> processes = new ArrayList<>();
    private final HttpClient https;

    public Pebble(boolean eabRequired) {
        for (String binary : List.of("pebble", "pebble-challtestsrv")) {
            if (!Files.isExecutable(Path.of("/usr/bin", binary))) {
                throw new IllegalStateException("the ACME tests need Pebble: apt-get install -y pebble");
            }
        }
        try {
            dir = Files.createTempDirectory("pebble");
            Openssl.run(dir, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-days", "2",
                    "-subj", "/CN=pebble-listener-ca", "-keyout", "ca.key", "-out", "ca.pem");
            Openssl.run(dir, "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                    "-subj", "/CN=localhost", "-keyout", "key.pem", "-out", "leaf.csr");
            Files.writeString(dir.resolve("ext.cnf"), "subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n");
            Openssl.run(dir, "x509", "-req", "-in", "leaf.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
                    "-days", "2", "-extfile", "ext.cnf", "-out", "cert.pem");
            listenerCaPem = Files.readString(dir.resolve("ca.pem"));
            acmePort = freePort();
            managementPort = freePort();
            challengeManagementPort = freePort();
            int httpPort = freePort();
            int tlsPort = freePort();
            int dnsPort = freePort();
            String eab = eabRequired ? ", \"externalAccountBindingRequired\": true, \"externalAccountMACKeys\": {\""
                    + EAB_KID + "\": \"" + EAB_KEY + "\"}" : ", \"externalAccountBindingRequired\": false";
            Files.writeString(dir.resolve("pebble-config.json"), "{\"pebble\": {\"listenAddress\": \"127.0.0.1:" + acmePort
                    + "\", \"managementListenAddress\": \"127.0.0.1:" + managementPort + "\", \"certificate\": \"cert.pem\", "
                    + "\"privateKey\": \"key.pem\", \"httpPort\": " + httpPort + ", \"tlsPort\": " + tlsPort
                    + ", \"ocspResponderURL\": \"\", \"certificateValidityPeriod\": 3600" + eab + "}}");
            start(List.of("pebble-challtestsrv", "-management", "127.0.0.1:" + challengeManagementPort,
                    "-http01", "127.0.0.1:" + httpPort, "-dns01", "127.0.0.1:" + dnsPort, "-tlsalpn01", "127.0.0.1:" + tlsPort,
                    "-https01", "", "-defaultIPv4", "127.0.0.1", "-defaultIPv6", ""), Map.of(), "challtestsrv.log");
            start(List.of("pebble", "-config", "pebble-config.json", "-dnsserver", "127.0.0.1:" + dnsPort, "-strict=false"),
                    Map.of("PEBBLE_VA_NOSLEEP", "1", "PEBBLE_WFE_NONCEREJECT", "0", "PEBBLE_AUTHZREUSE", "0"), "pebble.log");
            https = HttpClient.newBuilder().sslContext(trusting(listenerCaPem)).connectTimeout(Duration.ofSeconds(2)).build();
            waitUntil(directoryUrl());
            waitForPort(challengeManagementPort);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void start(List<String> command, Map<String, String> env, String log) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve(log).toFile());
        pb.environment().putAll(env);
        processes.add(pb.start());
    }

    public String directoryUrl() {
        return "https://127.0.0.1:" + acmePort + "/dir";
    }

    public URI challengeManagement() {
        return URI.create("http://127.0.0.1:" + challengeManagementPort);
    }

    /** The root Pebble issues under (new on every start). */
    public String issuingRootPem() {
        return get("https://127.0.0.1:" + managementPort + "/roots/0");
    }

    /** Pebble's view of a certificate: JSON with "Status" (Valid/Revoked) and "Reason". */
    public String certificateStatus(String serialHex) {
        return get("https://127.0.0.1:" + managementPort + "/cert-status-by-serial/" + serialHex);
    }

    private String get(String url) {
        try {
            HttpResponse<String> r = https.send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void waitUntil(String url) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (https.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not up yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new IllegalStateException("Pebble did not start: " + read("pebble.log") + read("challtestsrv.log"));
    }

    private void waitForPort(int port) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            try (java.net.Socket socket = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException e) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        throw new IllegalStateException("pebble-challtestsrv did not start: " + read("challtestsrv.log"));
    }

    private String read(String log) {
        try {
            return Files.readString(dir.resolve(log));
        } catch (IOException e) {
            return "";
        }
    }

    static SSLContext trusting(String pem) {
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            store.setCertificateEntry("ca", java.security.cert.CertificateFactory.getInstance("X.509")
                    .generateCertificate(new java.io.ByteArrayInputStream(pem.getBytes())));
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(null, tmf.getTrustManagers(), null);
            return ssl;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        for (Process p : processes) {
            p.destroy();
        }
        for (Process p : processes) {
            try {
                p.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
