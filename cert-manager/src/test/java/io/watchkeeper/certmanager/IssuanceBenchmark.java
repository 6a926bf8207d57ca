package io.watchkeeper.certmanager;

import io.watchkeeper.certmanager.ca.CaMaterial;
import io.watchkeeper.certmanager.ca.InternalCa;
import io.watchkeeper.certmanager.issuer.KeySource;
import io.watchkeeper.certmanager.testing.CertStack;
import io.watchkeeper.certmanager.testing.Openssl;
import io.watchkeeper.certmanager.x509.Keys;
import io.watchkeeper.certmanager.x509.Pem;
import io.watchkeeper.core.cert.Authority;
import io.watchkeeper.core.cert.AuthorityPolicy;
import io.watchkeeper.core.cert.CertificateRequest;
import io.watchkeeper.core.cert.KeyType;
import io.watchkeeper.core.cert.Ownership;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Internal-CA issuance throughput, not a test. For ECDSA P-256 and RSA 2048, one thread each:
 * <ol>
 *   <li>Watchkeeper end to end: policy check, key generation, signing, AES-256-GCM envelope
 *       encryption of the key, one transaction in a real (embedded) PostgreSQL, audit row;</li>
 *   <li>Watchkeeper key generation and signing only (in memory);</li>
 *   <li>openssl doing the same key generation and signing: {@code openssl req -newkey} (key + CSR)
 *       then {@code openssl x509 -req} (sign with the same kind of CA key), two processes per certificate.</li>
 * </ol>
 * Run: {@code ./mvnw -q -pl cert-manager -am verify -DskipTests -Pissuance-benchmark [-Dbench.ec=300 -Dbench.rsa=60]}.
 * Prints a markdown table.
 */
public final class IssuanceBenchmark {

    private IssuanceBenchmark() {}

    public static void main(String[] args) throws Exception {
        int ecCount = Integer.getInteger("bench.ec", 300);
        int rsaCount = Integer.getInteger("bench.rsa", 60);
        Path home = Files.createTempDirectory("wk-bench");
        CertStack stack = new CertStack(home, true);
        Map<KeyType, Integer> counts = new LinkedHashMap<>();
        counts.put(KeyType.EC_P256, ecCount);
        counts.put(KeyType.RSA_2048, rsaCount);
        List<String[]> rows = new ArrayList<>();
        Map<KeyType, double[]> rates = new LinkedHashMap<>();
        for (var entry : counts.entrySet()) {
            KeyType type = entry.getKey();
            int n = entry.getValue();
            String name = "bench-" + type.id();
            AuthorityPolicy policy = new AuthorityPolicy(Duration.ofDays(90), Duration.ofDays(30), List.of("example.com"),
                    false, false, java.util.Set.of(), null);
            Authority ca = stack.authorities.createRoot(name, "Bench " + type.id(), type, Duration.ofDays(365), policy,
                    false, "bench");
            // warm up every path
            full(stack, name, type, 10, "warm");
            signOnly(stack, ca, type, 10);
            Path dir = Files.createDirectories(home.resolve(type.id()));
            prepareOpenssl(stack, ca, dir);
            openssl(dir, type, 3);

            double full = n / seconds(() -> full(stack, name, type, n, "run"));
            double sign = n / seconds(() -> signOnly(stack, ca, type, n));
            int opensslCount = Math.max(10, n / 3);
            double ossl = opensslCount / seconds(() -> openssl(dir, type, opensslCount));
            rates.put(type, new double[] {full, sign, ossl, 0});
        }
        int starts = 30;
        double startSeconds = seconds(() -> {
            for (int i = 0; i < starts; i++) {
                check(Openssl.run(home, "version"));
            }
        }) / starts;
        for (double[] r : rates.values()) {
            double perCert = 1 / r[2] - 2 * startSeconds;
            r[3] = perCert > 0 ? 1 / perCert : Double.NaN;
        }
        System.out.println();
        System.out.println("| path | ECDSA P-256 certs/s | RSA 2048 certs/s |");
        System.out.println("|---|---:|---:|");
        String[] labels = {"Watchkeeper: keygen + sign + encrypt + store (PostgreSQL)", "Watchkeeper: keygen + sign only",
            "openssl CLI: req -newkey + x509 -req (2 processes/cert)",
            "openssl estimate without process start (row above minus 2 x `openssl version` time)"};
        for (int i = 0; i < labels.length; i++) {
            final int row = i;
            System.out.println("| " + labels[i] + " | " + String.format(Locale.ROOT, "%.1f", rates.get(KeyType.EC_P256)[row])
                    + " | " + String.format(Locale.ROOT, "%.1f", rates.get(KeyType.RSA_2048)[row]) + " |");
        }
        System.out.println("| ratio Watchkeeper end to end / openssl | "
                + String.format(Locale.ROOT, "%.2f", rates.get(KeyType.EC_P256)[0] / rates.get(KeyType.EC_P256)[2]) + " | "
                + String.format(Locale.ROOT, "%.2f", rates.get(KeyType.RSA_2048)[0] / rates.get(KeyType.RSA_2048)[2]) + " |");
        System.out.println("| ratio Watchkeeper keygen + sign / openssl | "
                + String.format(Locale.ROOT, "%.2f", rates.get(KeyType.EC_P256)[1] / rates.get(KeyType.EC_P256)[2]) + " | "
                + String.format(Locale.ROOT, "%.2f", rates.get(KeyType.RSA_2048)[1] / rates.get(KeyType.RSA_2048)[2]) + " |");
        System.out.println();
        System.out.println("certificates: ECDSA " + ecCount + ", RSA " + rsaCount + " (openssl: a third of each, at least 10); "
                + Runtime.getRuntime().availableProcessors() + " cores; " + System.getProperty("java.version") + "; "
                + Openssl.run(home, "version").output().strip() + "; openssl process start "
                + String.format(Locale.ROOT, "%.1f", startSeconds * 1000) + " ms");
        System.exit(0);
    }

    private interface Work {
        void run() throws Exception;
    }

    private static double seconds(Work work) throws Exception {
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1e9;
    }

    private static void full(CertStack stack, String authority, KeyType type, int n, String prefix) {
        for (int i = 0; i < n; i++) {
            String cn = "h" + i + "-" + prefix + ".example.com";
            stack.issuance.request(authority, new CertificateRequest(cn, List.of(), List.of(), null, null, Ownership.none()),
                    new KeySource.Generate(type), prefix + "-" + type.id() + "-" + i, null, "bench");
        }
    }

    private static void signOnly(CertStack stack, Authority ca, KeyType type, int n) {
        CaMaterial material = stack.authorities.material(ca);
        Instant now = Instant.now();
        for (int i = 0; i < n; i++) {
            InternalCa.issue(material, ca.policy(), new CertificateRequest("s" + i + ".example.com", List.of(), List.of(),
                    null, null, Ownership.none()), Keys.generate(type).getPublic(), now);
        }
    }

    private static void prepareOpenssl(CertStack stack, Authority ca, Path dir) throws Exception {
        CaMaterial material = stack.authorities.material(ca);
        Files.writeString(dir.resolve("ca.pem"), Pem.encode(material.certificate()));
        Files.writeString(dir.resolve("ca.key"), Pem.encode(material.key()));
        Files.writeString(dir.resolve("ext.cnf"), """
                basicConstraints=critical,CA:FALSE
                keyUsage=critical,digitalSignature,keyEncipherment
                extendedKeyUsage=serverAuth,clientAuth
                subjectKeyIdentifier=hash
                authorityKeyIdentifier=keyid
                subjectAltName=DNS:host.example.com
                """);
    }

    private static void openssl(Path dir, KeyType type, int n) {
        String[] newKey = type.algorithm().equals("EC")
                ? new String[] {"-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256"}
                : new String[] {"-newkey", "rsa:2048"};
        for (int i = 0; i < n; i++) {
            List<String> req = new ArrayList<>(List.of("req", "-new"));
            req.addAll(List.of(newKey));
            req.addAll(List.of("-nodes", "-keyout", "leaf.key", "-subj", "/CN=host.example.com", "-out", "leaf.csr"));
            check(Openssl.run(dir, req.toArray(String[]::new)));
            check(Openssl.run(dir, "x509", "-req", "-in", "leaf.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-days", "30",
                    "-set_serial", "0x" + Keys.randomSerial().toString(16), "-extfile", "ext.cnf", "-sha256",
                    "-out", "leaf.pem"));
        }
    }

    private static void check(Openssl.Result result) {
        if (result.exit() != 0) {
            throw new IllegalStateException("openssl failed: " + result.output());
        }
    }
}
