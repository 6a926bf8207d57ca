package io.watchkeeper.benchmarks;

import io.watchkeeper.codescanner.CodeScanner;
import io.watchkeeper.codescanner.ScanOptions;
import io.watchkeeper.codescanner.ScanProgress;
import io.watchkeeper.codescanner.ScanRequest;
import io.watchkeeper.codescanner.ScanResult;
import io.watchkeeper.core.secrets.SecretHasher;
import io.watchkeeper.core.secrets.SecretDetector;
import io.watchkeeper.core.secrets.SecretRules;
import io.watchkeeper.core.inventory.AccessKeyDirectory;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;

/**
 * Steady-state speed of the scanner in one JVM (after warm-up runs): MiB scanned per CPU second.
 * {@code CodeScanTimer tree|history DIR [RUNS]}. The whole-process figures (start-up included) come
 * from benchmarks/code-scan/run.sh.
 */
public final class CodeScanTimer {

    private CodeScanTimer() {}

    public static void main(String[] args) {
        Path dir = Path.of(args[1]);
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        ScanRequest request = args[0].equals("history") ? new ScanRequest.History(dir) : new ScanRequest.WorkingTree(dir);
        byte[] key = new byte[32];
        CodeScanner scanner = CodeScanner.builder(new SecretDetector(SecretRules.builtIn(), 4096), new SecretHasher(key),
                ScanOptions.defaults()).build();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int i = 0; i < runs; i++) {
            long cpu = os.getProcessCpuTime();
            long wall = System.nanoTime();
            ScanResult r = scanner.scan(request, ScanProgress.NONE);
            double cpuS = (os.getProcessCpuTime() - cpu) / 1e9;
            double wallS = (System.nanoTime() - wall) / 1e9;
            double mib = r.stats().bytes() / 1048576.0;
            System.out.printf("run %d: %.1f MiB, %d files, %d findings, cpu %.2f s (%.1f MiB/s per core), wall %.2f s%n",
                    i + 1, mib, r.stats().files(), r.findings().size(), cpuS, mib / cpuS, wallS);
        }
    }
}
