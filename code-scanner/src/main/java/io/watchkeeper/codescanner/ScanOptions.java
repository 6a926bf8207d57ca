package io.watchkeeper.codescanner;

import io.watchkeeper.codescanner.source.ScanLimits;
import java.util.Set;

/**
 * How to scan.
 *
 * @param limits file-size, line-length and depth bounds
 * @param includeVendored scan vendored folders (node_modules, vendor, …) too
 * @param includeGenerated scan generated and minified files too
 * @param threads files scanned at once
 * @param verify verifier names to run live verification with (empty: off, the default)
 */
public record ScanOptions(ScanLimits limits, boolean includeVendored, boolean includeGenerated, int threads, Set<String> verify) {

    public ScanOptions {
        if (threads < 1 || threads > 256) {
            throw new IllegalArgumentException("threads must be between 1 and 256");
        }
        verify = Set.copyOf(verify);
    }

    public static ScanOptions defaults() {
        return new ScanOptions(ScanLimits.DEFAULT, false, false, Math.max(1, Runtime.getRuntime().availableProcessors()), Set.of());
    }

    public ScanOptions withThreads(int n) {
        return new ScanOptions(limits, includeVendored, includeGenerated, n, verify);
    }

    public ScanOptions withVerify(Set<String> names) {
        return new ScanOptions(limits, includeVendored, includeGenerated, threads, names);
    }
}
