package io.watchkeeper.core.secrets;

import io.watchkeeper.core.finding.Severity;

/**
 * A secret found in one file's content, before it becomes a finding. It holds the secret in clear
 * ({@link #secret}) only so that it can be hashed, masked and (optionally) verified in memory; it
 * is never written anywhere.
 *
 * @param rule the rule that matched
 * @param secret the secret in clear; never print or store it
 * @param normalised the form that is hashed (whitespace and quoting of multi-line secrets removed)
 * @param start offset of the whole match
 * @param end offset just after the whole match
 * @param startLine 1-based line of the match's start
 * @param endLine 1-based line of the match's end
 * @param severity severity after the structure check, companion and file context
 * @param context the file's context
 * @param note what raised or lowered the severity, or null
 */
public record Candidate(
        SecretRule rule,
        String secret,
        String normalised,
        int start,
        int end,
        int startLine,
        int endLine,
        Severity severity,
        FileContext context,
        String note) {

    @Override
    public String toString() {
        return "Candidate[" + rule.id() + " " + startLine + "-" + endLine + " " + severity + "]"; // never the secret
    }

    /** Whether this match's span overlaps {@code other}'s. */
    boolean overlaps(Candidate other) {
        return start < other.end && other.start < end;
    }
}
