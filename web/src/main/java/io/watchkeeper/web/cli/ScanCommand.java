package io.watchkeeper.web.cli;

import io.watchkeeper.core.finding.FindingFilter;
import io.watchkeeper.core.finding.FindingReader;
import io.watchkeeper.core.finding.FindingView;
import io.watchkeeper.core.finding.Severity;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.model.Account;
import io.watchkeeper.watchers.WatchProgress;
import io.watchkeeper.web.Scanner;
import io.watchkeeper.web.service.ScanJobs;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code watchkeeper scan}: watch now, audit everything watched, report open findings. */
@Command(name = "scan", description = "Watch now, audit every watched item, and summarise the open findings.",
        mixinStandardHelpOptions = true)
public final class ScanCommand implements Callable<Integer> {

    private final Cli cli;

    @Mixin
    WatchTarget target = new WatchTarget();

    @Option(names = "--format", description = "table or json", defaultValue = "table")
    OutputFormat format;

    ScanCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        WatchProgress progress = cli.terminal() && format == OutputFormat.TABLE
                ? new TerminalProgress(cli.err()) : WatchProgress.NONE;
        ScanJobs.Finished finished = target.run(cli, ScanJobs.Kind.SCAN, progress);
        if (progress instanceof TerminalProgress bar) {
            bar.finish();
        }
        Scanner.Result result = finished.result();
        List<String> names = finished.accounts().stream().map(Account::name).toList();
        List<FindingView> open = cli.bean(FindingReader.class).list(FindingFilter.open()).stream()
                .filter(f -> names.contains(f.account())).toList();
        Map<Severity, Integer> bySeverity = new EnumMap<>(Severity.class);
        open.forEach(f -> bySeverity.merge(f.severity(), 1, Integer::sum));
        if (format == OutputFormat.JSON) {
            Map<String, Object> json = WatchCommand.json(result.watch());
            json.put("skipped", finished.skipped());
            json.put("audit", result.audit());
            json.put("openFindings", bySeverity);
            cli.out().println(Json.pretty(json));
        } else {
            WatchTarget.printSkipped(cli, finished);
            new WatchCommand(cli).print(result.watch());
            cli.out().println(AuditCommand.describe(result.audit()));
            cli.out().println("open findings: " + (open.isEmpty() ? "none" : bySeverity.entrySet().stream()
                    .map(e -> e.getValue() + " " + e.getKey().name().toLowerCase()).reduce((a, b) -> b + ", " + a)
                    .orElse("")) + (open.isEmpty() ? "" : " (watchkeeper findings list)"));
        }
        return result.watch().anyFailed() ? 1 : 0;
    }
}
