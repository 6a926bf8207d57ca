package io.watchkeeper.certmanager;

import io.watchkeeper.certmanager.testing.CertStack;
import io.watchkeeper.core.cert.AuthorityPolicy;
import io.watchkeeper.core.cert.KeyType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The renewal sweep over many stored certificates, not a test: seeds {@code bench.certs} (default
 * 100,000) active certificates in a real embedded PostgreSQL with renewal times spread over ±60 days
 * (so about 1 % are due), then times the sweep's query — all due ones, and the scheduler's batch of 500.
 * Run: {@code ./mvnw -q -pl cert-manager -am verify -DskipTests -Pissuance-benchmark
 * -Dbench.main=io.watchkeeper.certmanager.RenewalSweepBenchmark}.
 */
public final class RenewalSweepBenchmark {

    private RenewalSweepBenchmark() {}

    public static void main(String[] args) throws Exception {
        int count = Integer.getInteger("bench.certs", 100_000);
        CertStack stack = new CertStack(Files.createTempDirectory("wk-sweep"), true);
        long authority = stack.authorities.createRoot("sweep-ca", "Sweep CA", KeyType.EC_P256, Duration.ofDays(365),
                AuthorityPolicy.defaults(), true, "bench").id();
        long seedStart = System.nanoTime();
        // 98.8 % scheduled in the future, 1.2 % due; plus 10 % already replaced (never due)
        stack.dsl.execute("INSERT INTO certificate (authority_id, source, status, serial, issuer, subject, common_name, "
                + "not_before, not_after, key_algorithm, key_bits, signature_algorithm, sha256_fingerprint, certificate_pem, "
                + "owner_note, created_by, renew_after) SELECT ?, 'ISSUED', CASE WHEN g % 10 = 0 THEN 'REPLACED' ELSE 'ACTIVE' END, "
                + "to_hex(g), 'CN=Sweep CA', 'CN=host-' || g, 'host-' || g, now() - interval '30 days', now() + interval '60 days', "
                + "'EC', 256, 'SHA256withECDSA', md5(g::text) || md5((g + 1)::text), '-', 'team-' || (g % 50), 'bench', "
                + "now() + ((g * 7919 % 10000) - 60) * interval '12 minutes' * 1.2 FROM generate_series(1, ?) g",
                authority, count);
        stack.dsl.execute("ANALYZE certificate");
        double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
        Instant now = Instant.now();
        List<Long> allDue = List.of();
        List<Double> allMs = new ArrayList<>();
        List<Double> batchMs = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            long t0 = System.nanoTime();
            allDue = stack.certificates.dueForRenewal(now, 100_000);
            allMs.add((System.nanoTime() - t0) / 1e6);
            long t1 = System.nanoTime();
            stack.certificates.dueForRenewal(now, 500);
            batchMs.add((System.nanoTime() - t1) / 1e6);
        }
        Collections.sort(allMs);
        Collections.sort(batchMs);
        System.out.printf("%n| renewal sweep over %,d certificates (seeded in %.1f s) | due found | median ms | max ms |%n",
                count, seedSeconds);
        System.out.println("|---|---:|---:|---:|");
        System.out.printf("| every due certificate | %,d | %.1f | %.1f |%n", allDue.size(), allMs.get(3), allMs.getLast());
        System.out.printf("| the scheduler's batch (500) | %,d | %.1f | %.1f |%n", Math.min(500, allDue.size()),
                batchMs.get(3), batchMs.getLast());
        System.exit(0);
    }
}
