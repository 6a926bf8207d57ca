package io.watchkeeper.codescanner;

import io.watchkeeper.codescanner.finding.Finding;
import io.watchkeeper.core.secrets.SkipPolicy;
import io.watchkeeper.core.finding.Severity;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A scan's outcome.
 *
 * @param mode tree, commit, diff or history
 * @param target what was scanned (folder; revision; BASE...HEAD with the merge base; refs)
 * @param findings the findings, by path, line and rule
 * @param stats what was read and skipped
 */
public record ScanResult(String mode, Target target, List<Finding> findings, Stats stats) {

    public ScanResult {
        findings = List.copyOf(findings);
    }

    /**
     * @param path the folder scanned or holding the repository
     * @param revision the commit scanned (commit mode) or the head (diff), or null
     * @param base the base (diff), or null
     * @param mergeBase the merge base (diff), or null
     */
    public record Target(String path, String revision, String base, String mergeBase) {}

    /**
     * @param files files (blobs) scanned
     * @param bytes bytes scanned
     * @param commits commits walked (history), 0 otherwise
     * @param skipped files not scanned, by reason
     * @param elapsed wall time
     */
    public record Stats(long files, long bytes, long commits, Map<SkipPolicy.Reason, Long> skipped, Duration elapsed) {}

    /** Whether any finding is at or above {@code threshold}. */
    public boolean anyAtLeast(Severity threshold) {
        return findings.stream().anyMatch(f -> f.severity().ordinal() >= threshold.ordinal());
    }
}
