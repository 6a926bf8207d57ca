package io.watchkeeper.web.cli;

import io.watchkeeper.codescanner.ScanResult;
import io.watchkeeper.codescanner.finding.Finding;
import java.util.Locale;

/** The text report of a code scan: one block per finding, paths sanitised (they may hold control characters). */
final class CodeScanText {

    private CodeScanText() {}

    static String render(ScanResult r) {
        StringBuilder b = new StringBuilder();
        for (Finding f : r.findings()) {
            b.append(String.format(Locale.ROOT, "%-8s %s:%d%s  %s%n", f.severity().name(), Text.safe(f.path()), f.startLine(),
                    f.endLine() > f.startLine() ? "-" + f.endLine() : "", f.ruleId()));
            b.append("         ").append(Text.safe(f.message())).append('\n');
            if (f.owner() != null) {
                b.append("         inventory: item ").append(f.owner().itemId()).append(", ").append(Text.safe(f.owner().userArn()))
                        .append(", policies ").append(Text.safe(String.join(", ", f.owner().attachedPolicyArns())))
                        .append(f.owner().groups().isEmpty() ? "" : ", groups " + Text.safe(String.join(", ", f.owner().groups())))
                        .append('\n');
            }
            if (f.iac() != null && f.iac().live() != null) {
                b.append("         live: item ").append(f.iac().live().itemId()).append(", ").append(Text.safe(f.iac().live().resourceId()))
                        .append(" in ").append(Text.safe(f.iac().live().accountName())).append(f.iac().live().today()
                                ? " (the same problem exists today)" : " (new: not so today)").append('\n');
            }
            if (f.commit() != null && r.mode().equals("history")) {
                b.append("         introduced by commit ").append(f.commit()).append('\n');
            }
            b.append("         fingerprint ").append(f.fingerprint()).append('\n');
        }
        b.append(summary(r)).append('\n');
        return b.toString();
    }

    static String summary(ScanResult r) {
        var s = r.stats();
        StringBuilder b = new StringBuilder();
        b.append(r.findings().size()).append(r.findings().size() == 1 ? " finding" : " findings").append(" (").append(r.mode());
        if (r.target().base() != null) {
            b.append(' ').append(shortId(r.target().base())).append("...").append(shortId(r.target().revision()))
                    .append(", merge base ").append(shortId(r.target().mergeBase()));
        }
        b.append("): ").append(s.files()).append(" files, ")
                .append(String.format(Locale.ROOT, "%.1f MiB", s.bytes() / 1048576.0));
        if (s.commits() > 0) {
            b.append(", ").append(s.commits()).append(" commits");
        }
        long skipped = s.skipped().values().stream().mapToLong(Long::longValue).sum();
        if (skipped > 0) {
            b.append(", ").append(skipped).append(" skipped ").append(s.skipped().toString().toLowerCase(Locale.ROOT));
        }
        b.append(String.format(Locale.ROOT, " in %.1f s", s.elapsed().toMillis() / 1000.0));
        return b.toString();
    }

    private static String shortId(String id) {
        return id == null ? "-" : id.length() > 12 ? id.substring(0, 12) : id;
    }
}
