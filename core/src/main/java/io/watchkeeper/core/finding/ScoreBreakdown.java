package io.watchkeeper.core.finding;

/**
 * How a finding's score (0..100) was computed: severity base × exposure factor × context factor,
 * capped at 100. Stored with the finding and shown to people.
 *
 * @param severity the (possibly overridden) severity
 * @param severityBase its base
 * @param exposure who can take advantage
 * @param exposureFactor the exposure's multiplier
 * @param contextFactor the account context's multiplier
 * @param context why that context factor ("account env=prod")
 * @param score the result
 */
public record ScoreBreakdown(Severity severity, int severityBase, Exposure exposure, double exposureFactor,
                             double contextFactor, String context, int score) {

    public String explain() {
        return severity.name().toLowerCase() + " " + severityBase + " × " + exposure.name().toLowerCase().replace('_', ' ')
                + " " + exposureFactor + " × " + context + " " + contextFactor + " = " + score;
    }
}
