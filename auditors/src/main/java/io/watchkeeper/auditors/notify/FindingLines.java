package io.watchkeeper.auditors.notify;

import io.watchkeeper.auditors.output.CheckCatalog;
import io.watchkeeper.core.finding.FindingView;
import java.util.Comparator;
import java.util.Locale;

/** One line per finding, the same in every message; every cloud-controlled value made one line. */
final class FindingLines {

    /** Highest score first, then check and resource, so that messages are stable. */
    static final Comparator<FindingView> BY_SCORE = Comparator.comparingInt(FindingView::score).reversed()
            .thenComparing(FindingView::check).thenComparing(f -> String.valueOf(f.resourceId()));

    private FindingLines() {}

    static String line(FindingView f, CheckCatalog catalog) {
        return "[" + f.score() + "] " + severity(f) + " " + catalog.text(f.check()).title()
                + " — " + Text.oneLine(f.resourceName(), 120) + " (" + Text.oneLine(f.resourceId(), 300) + ")"
                + " in " + account(f) + " " + Text.oneLine(f.region(), 40)
                + (f.message() == null || f.message().isBlank() ? "" : ": " + Text.oneLine(f.message(), 300));
    }

    static String account(FindingView f) {
        return Text.oneLine(f.account(), 80) + " (" + Text.oneLine(f.accountId(), 40) + ")";
    }

    private static String severity(FindingView f) {
        return f.severity() == null ? "unknown" : f.severity().name().toLowerCase(Locale.ROOT);
    }
}
