package io.watchkeeper.auditors.notify;

import io.watchkeeper.auditors.output.CheckCatalog;
import io.watchkeeper.core.finding.FindingView;
import java.util.List;
import java.util.Optional;

/**
 * "New findings above a threshold score": one message listing the new findings whose score is at
 * least the threshold, highest first, at most {@code maxLines} of them and then "and K more".
 */
public final class NewFindingsMessage {

    private final int threshold;
    private final int maxLines;
    private final CheckCatalog catalog;

    public NewFindingsMessage(int threshold, int maxLines, CheckCatalog catalog) {
        if (threshold < 0 || threshold > 100) {
            throw new IllegalArgumentException("threshold must be 0-100");
        }
        if (maxLines < 1) {
            throw new IllegalArgumentException("maxLines must be at least 1");
        }
        this.threshold = threshold;
        this.maxLines = maxLines;
        this.catalog = catalog;
    }

    /** The message, or empty when no finding reaches the threshold (nothing to send). */
    public Optional<Notification> build(List<FindingView> newFindings) {
        List<FindingView> above = newFindings.stream().filter(f -> f.score() >= threshold)
                .sorted(FindingLines.BY_SCORE).toList();
        if (above.isEmpty()) {
            return Optional.empty();
        }
        FindingView top = above.getFirst();
        String subject = above.size() == 1
                ? "Watchkeeper: new finding scoring " + top.score() + ": " + catalog.text(top.check()).title()
                        + " on " + Text.oneLine(top.resourceName(), 80)
                : "Watchkeeper: " + above.size() + " new findings scoring " + threshold + " or more (top "
                        + top.score() + " on " + Text.oneLine(top.resourceName(), 80) + ")";
        StringBuilder body = new StringBuilder();
        body.append(above.size()).append(above.size() == 1 ? " new finding" : " new findings")
                .append(" with a score of ").append(threshold).append(" or more:\n\n");
        above.stream().limit(maxLines).forEach(f -> body.append("- ").append(FindingLines.line(f, catalog)).append('\n'));
        if (above.size() > maxLines) {
            body.append("… and ").append(above.size() - maxLines).append(" more.\n");
        }
        return Optional.of(new Notification(Text.oneLine(subject), body.toString()));
    }
}
