package io.watchkeeper.web.cli;

import io.watchkeeper.auditors.compliance.ComplianceCsv;
import io.watchkeeper.auditors.compliance.ComplianceHtml;
import io.watchkeeper.auditors.compliance.ComplianceReport;
import io.watchkeeper.auditors.compliance.ComplianceReport.AccountState;
import io.watchkeeper.auditors.compliance.ComplianceReport.ControlResult;
import io.watchkeeper.auditors.compliance.ControlState;
import io.watchkeeper.auditors.output.ToolInfo;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.model.InvalidInputException;
import io.watchkeeper.web.service.ComplianceService;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code watchkeeper compliance --framework cis-aws-3.0 [--account A] [--at DATE] [--days N]
 * --format table|json|csv|html}: a framework's controls per account, decided from stored history,
 * through {@link ComplianceService} like the console and the API. The HTML report is one
 * self-contained file for an auditor ({@code > report.html}).
 */
@Command(name = "compliance", description = "Compliance report of a framework (CIS AWS 3.0...) from stored history.",
        mixinStandardHelpOptions = true)
public final class ComplianceCommand implements Callable<Integer> {

    private final Cli cli;

    @Option(names = "--framework", description = "framework id, e.g. cis-aws-3.0 (--list shows them)")
    String framework;

    @Option(names = "--list", description = "list the frameworks")
    boolean list;

    @Option(names = "--account", description = "only this account (default: every account of the framework's provider)")
    String account;

    @Option(names = "--at", description = "the state at the end of this day (YYYY-MM-DD) or at this instant (default: now)")
    String at;

    @Option(names = "--days", description = "days of trend ending with --at (1-366, default 30)")
    Integer days;

    @Option(names = "--format", description = "table, json, csv or html", defaultValue = "table")
    String format;

    ComplianceCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        ComplianceService service = cli.bean(ComplianceService.class);
        String f = format.toLowerCase(Locale.ROOT);
        if (!List.of("table", "json", "csv", "html").contains(f)) {
            throw new InvalidInputException("unknown format '" + Text.safe(format) + "' (table, json, csv, html)");
        }
        if (list) {
            List<ComplianceService.FrameworkInfo> frameworks = service.frameworks(cli.caller());
            if (f.equals("json")) {
                cli.out().println(Json.pretty(frameworks));
            } else {
                cli.out().print(Text.table(List.of("FRAMEWORK", "PROVIDER", "CONTROLS", "AUTOMATED", "DECIDED", "MANUAL", "NAME"),
                        frameworks.stream().<List<?>>map(i -> List.of(i.id(), i.provider(), i.controls(), i.automated(),
                                i.decided(), i.manual(), i.name() + " " + i.version())).toList(), 80));
            }
            return 0;
        }
        if (framework == null) {
            throw new InvalidInputException("--framework is required (or --list)");
        }
        ComplianceReport report = service.report(new ComplianceService.Request(framework, account, at, days), cli.caller());
        switch (f) {
            case "json" -> cli.out().println(Json.pretty(report));
            case "csv" -> cli.out().print(ComplianceCsv.render(report));
            case "html" -> cli.out().print(ComplianceHtml.render(report, ToolInfo.buildVersion()));
            default -> table(report);
        }
        return 0;
    }

    private void table(ComplianceReport report) {
        cli.out().println(Text.safe(report.frameworkName()) + " at " + report.at() + ", accounts: "
                + Text.safe(report.accounts().stream().map(ComplianceReport.AccountRef::name).collect(Collectors.joining(", "))));
        boolean one = report.accounts().size() == 1;
        List<List<?>> rows = new ArrayList<>();
        for (ControlResult c : report.controls()) {
            String detail = one && !c.accounts().isEmpty() ? c.accounts().getFirst().reason() : accounts(c.accounts());
            long failing = c.accounts().stream().mapToLong(AccountState::failingFindings).sum();
            rows.add(List.of(c.id(), c.level(), c.state().label(), failing, detail, c.title()));
        }
        cli.out().print(Text.table(List.of("CONTROL", "LEVEL", "STATE", "FINDINGS", one ? "WHY" : "ACCOUNTS", "TITLE"), rows, 70));
        cli.out().println("controls: " + ControlStateCounts.of(report.summary()));
        if (!report.trend().isEmpty()) {
            var first = report.trend().getFirst();
            var last = report.trend().getLast();
            cli.out().println("trend (control x account, passing/failing): " + first.day() + " " + first.pass() + "/" + first.fail()
                    + " -> " + last.day() + " " + last.pass() + "/" + last.fail());
        }
    }

    /** "fail 2, pass 3": how many accounts are in each state. */
    private static String accounts(List<AccountState> states) {
        Map<ControlState, Integer> counts = new EnumMap<>(ControlState.class);
        states.forEach(s -> counts.merge(s.state(), 1, Integer::sum));
        return ControlStateCounts.of(counts);
    }

    /** Counts per state, worst first. */
    static final class ControlStateCounts {
        private ControlStateCounts() {}

        static String of(Map<ControlState, Integer> counts) {
            return List.of(ControlState.FAIL, ControlState.NO_DATA, ControlState.PASS, ControlState.NOT_APPLICABLE,
                    ControlState.MANUAL, ControlState.NOT_DECIDED).stream().filter(s -> counts.getOrDefault(s, 0) > 0)
                    .map(s -> s.label() + " " + counts.get(s)).collect(Collectors.joining(", "));
        }
    }
}
