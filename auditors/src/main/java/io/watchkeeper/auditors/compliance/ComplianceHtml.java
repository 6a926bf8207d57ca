package io.watchkeeper.auditors.compliance;

import io.watchkeeper.auditors.compliance.ComplianceReport.AccountState;
import io.watchkeeper.auditors.compliance.ComplianceReport.ControlResult;
import io.watchkeeper.auditors.compliance.ComplianceReport.FailingResource;
import io.watchkeeper.auditors.compliance.ComplianceReport.TrendDay;
import io.watchkeeper.auditors.compliance.ComplianceReport.TrendPoint;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.List;

/**
 * A compliance report as one self-contained HTML file a user can send to an auditor: inline CSS,
 * an inline SVG trend chart, no script, no external reference (a Content-Security-Policy meta tag
 * forbids them anyway), and every value from the cloud or the database escaped.
 */
public final class ComplianceHtml {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final int WIDTH = 720;
    private static final int HEIGHT = 140;
    private static final String CSS = """
            body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1d2330;margin:2rem auto;max-width:1100px;padding:0 1rem}
            h1{font-size:1.5rem;margin:0 0 .25rem}h2{font-size:1.15rem;margin:1.8rem 0 .6rem}
            .muted{color:#5d6576}table{border-collapse:collapse;width:100%;margin:.5rem 0}
            th,td{border-bottom:1px solid #e1e4ea;padding:.35rem .5rem;text-align:left;vertical-align:top}
            th{background:#f4f6f9;font-weight:600}.tiles{display:flex;flex-wrap:wrap;gap:.6rem;margin:1rem 0}
            .tile{border:1px solid #e1e4ea;border-radius:6px;padding:.5rem .9rem;min-width:7rem}.tile b{display:block;font-size:1.4rem}
            .s{display:inline-block;border-radius:4px;padding:0 .4rem;font-size:.8rem;font-weight:600;white-space:nowrap}
            .s-pass{background:#dff3e4;color:#185c2b}.s-fail{background:#fbe0e0;color:#8a1c1c}.s-not-applicable{background:#eceef2;color:#4a5160}
            .s-no-data{background:#fff1d6;color:#7a5200}.s-manual{background:#e3ecfb;color:#1f4a8a}.s-not-decided{background:#efe6fa;color:#5b2d91}
            ul{margin:.2rem 0 .2rem 1.1rem;padding:0}code{font-size:.85rem;word-break:break-all}
            svg .pass{fill:#3c9a5f}svg .fail{fill:#c63d3d}svg .other{fill:#c9ced8}svg text{font-size:11px;fill:#5d6576}
            @media print{body{margin:0}}
            """;

    private ComplianceHtml() {}

    public static String render(ComplianceReport report, String version) {
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">")
                .append("<title>").append(e(report.frameworkName())).append(" · compliance report</title><style>")
                .append(CSS).append("</style></head><body>\n");
        h.append("<h1>").append(e(report.frameworkName())).append("</h1>\n<p class=\"muted\">State at ")
                .append(e(WHEN.format(report.at()))).append(" · generated ").append(e(WHEN.format(report.generatedAt())))
                .append(" by Watchkeeper ").append(e(version)).append(" from its stored history</p>\n");
        h.append("<p>Accounts: ");
        if (report.accounts().isEmpty()) {
            h.append("<span class=\"muted\">none in scope</span>");
        }
        for (int i = 0; i < report.accounts().size(); i++) {
            var a = report.accounts().get(i);
            h.append(i == 0 ? "" : ", ").append(e(a.name())).append(" <span class=\"muted\">(").append(e(a.externalId()))
                    .append(")</span>");
        }
        h.append("</p>\n<div class=\"tiles\">");
        for (ControlState s : ControlState.values()) {
            h.append("<div class=\"tile\"><b>").append(report.summary().getOrDefault(s, 0)).append("</b>")
                    .append(badge(s)).append("</div>");
        }
        h.append("</div>\n<h2>Trend</h2>\n").append(chart(report.trend()))
                .append("<p class=\"muted\">Decided controls per account and day: passing (green), failing (red), not applicable"
                        + " or no data (grey).</p>\n");
        h.append("<h2>Controls</h2>\n<table><thead><tr><th>Control</th><th>Level</th><th>Title</th><th>State</th>"
                + "<th>Accounts</th></tr></thead><tbody>\n");
        for (ControlResult c : report.controls()) {
            h.append("<tr id=\"c-").append(e(c.id())).append("\"><td>").append(e(c.id())).append("</td><td>")
                    .append(c.level()).append("</td><td>").append(e(c.title())).append("<div class=\"muted\">")
                    .append(e(c.section())).append(" · ").append(e(c.assessment()));
            if (!c.checks().isEmpty()) {
                h.append(" · checks: ").append(codes(c.checks()));
            }
            if (!c.related().isEmpty()) {
                h.append(" · related: ").append(codes(c.related()));
            }
            h.append("</div></td><td>").append(badge(c.state())).append("<div>").append(sparkline(c.trend()))
                    .append("</div></td><td>");
            for (AccountState a : c.accounts()) {
                h.append("<div>").append(e(a.account())).append(" ").append(badge(a.state())).append(" <span class=\"muted\">")
                        .append(e(a.reason())).append("</span>");
                if (!a.resources().isEmpty()) {
                    h.append("<ul>");
                    for (FailingResource r : a.resources()) {
                        h.append("<li><code>").append(e(r.resourceId())).append("</code> <span class=\"muted\">")
                                .append(e(r.region())).append(" · ").append(e(r.checkId())).append(" · ")
                                .append(e(r.status().toLowerCase(java.util.Locale.ROOT))).append("</span></li>");
                    }
                    if (a.more()) {
                        h.append("<li class=\"muted\">and more</li>");
                    }
                    h.append("</ul>");
                }
                h.append("</div>");
            }
            h.append("</td></tr>\n");
        }
        h.append("</tbody></table>\n<p class=\"muted\">A control fails when a finding of one of its checks was present at the"
                + " time (justified and suppressed findings included, with their status); it passes when its resources"
                + " existed and none failed. Manual recommendations are decided by people; \"not decided\" means no"
                + " Watchkeeper check decides the recommendation yet.</p>\n</body></html>\n");
        return h.toString();
    }

    private static String codes(List<String> ids) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < ids.size(); i++) {
            b.append(i == 0 ? "" : ", ").append("<code>").append(e(ids.get(i))).append("</code>");
        }
        return b.toString();
    }

    private static String badge(ControlState s) {
        String css = s.label().replace(' ', '-');
        return "<span class=\"s s-" + css + "\">" + e(s.label()) + "</span>";
    }

    private static String chart(List<TrendDay> days) {
        int max = Math.max(1, days.stream().mapToInt(d -> d.pass() + d.fail() + d.other()).max().orElse(1));
        int slot = WIDTH / Math.max(1, days.size());
        int bar = Math.max(1, slot - 2);
        int base = HEIGHT - 16;
        StringBuilder s = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"Trend\""
                + " viewBox=\"0 0 " + WIDTH + " " + HEIGHT + "\" width=\"100%\">");
        for (int i = 0; i < days.size(); i++) {
            TrendDay d = days.get(i);
            int y = base;
            for (int[] part : new int[][] {{d.fail(), 1}, {d.pass(), 0}, {d.other(), 2}}) {
                int height = (int) Math.round((double) part[0] / max * (base - 4));
                y -= height;
                String css = part[1] == 0 ? "pass" : part[1] == 1 ? "fail" : "other";
                s.append("<rect x=\"").append(i * slot).append("\" y=\"").append(y).append("\" width=\"").append(bar)
                        .append("\" height=\"").append(height).append("\" class=\"").append(css).append("\"><title>")
                        .append(e(d.day() + " " + css + ": " + part[0])).append("</title></rect>");
            }
        }
        if (!days.isEmpty()) {
            s.append("<text x=\"0\" y=\"").append(HEIGHT - 2).append("\">").append(e(days.getFirst().day().toString()))
                    .append("</text><text x=\"").append(WIDTH).append("\" y=\"").append(HEIGHT - 2)
                    .append("\" text-anchor=\"end\">").append(e(days.getLast().day().toString())).append("</text>");
        }
        return s.append("</svg>").toString();
    }

    /** A row of small squares, one per day: the control's combined state. */
    private static String sparkline(List<TrendPoint> points) {
        int cell = 4;
        StringBuilder s = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + Math.max(1, points.size() * cell)
                + "\" height=\"8\" role=\"img\" aria-label=\"Trend\">");
        for (int i = 0; i < points.size(); i++) {
            TrendPoint p = points.get(i);
            String css = p.state() == ControlState.PASS ? "pass" : p.state() == ControlState.FAIL ? "fail" : "other";
            s.append("<rect x=\"").append(i * cell).append("\" y=\"0\" width=\"").append(cell - 1)
                    .append("\" height=\"8\" class=\"").append(css).append("\"><title>").append(e(p.day() + " " + p.state().label()))
                    .append("</title></rect>");
        }
        return s.append("</svg>").toString();
    }

    /** HTML text and attribute escaping (also neutralises control characters). */
    static String e(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(Character.isISOControl(c) || c == '\u2028' || c == '\u2029' ? ' ' : c);
            }
        }
        return b.toString();
    }
}
