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
 * @param analyzers the analyzers to run: {@value #SECRETS}, {@value #JAVA} (Java taint analysis, when the scanner has one),
 *                  {@value #IAC} (infrastructure as code, when the scanner has an IaC analyzer)
 */
public record ScanOptions(ScanLimits limits, boolean includeVendored, boolean includeGenerated, int threads, Set<String> verify,
                          Set<String> analyzers) {

    public static final String SECRETS = "secrets";
    public static final String JAVA = "java";
    public static final String IAC = "iac";
    public static final Set<String> ALL_ANALYZERS = Set.of(SECRETS, JAVA, IAC);

    public ScanOptions {
        if (threads < 1 || threads > 256) {
            throw new IllegalArgumentException("threads must be between 1 and 256");
        }
        verify = Set.copyOf(verify);
        analyzers = Set.copyOf(analyzers);
    }

    /** Every analyzer. */
    public ScanOptions(ScanLimits limits, boolean includeVendored, boolean includeGenerated, int threads, Set<String> verify) {
        this(limits, includeVendored, includeGenerated, threads, verify, ALL_ANALYZERS);
    }

    public ScanOptions withAnalyzers(Set<String> names) {
        return new ScanOptions(limits, includeVendored, includeGenerated, threads, verify, names);
    }

    public static ScanOptions defaults() {
        return new ScanOptions(ScanLimits.DEFAULT, false, false, Math.max(1, Runtime.getRuntime().availableProcessors()), Set.of());
    }

    public ScanOptions withThreads(int n) {
        return new ScanOptions(limits, includeVendored, includeGenerated, n, verify, analyzers);
    }

    public ScanOptions withVerify(Set<String> names) {
        return new ScanOptions(limits, includeVendored, includeGenerated, threads, names, analyzers);
    }
}
