package io.watchkeeper.web.cli;

import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.watch.RunSummary;
import io.watchkeeper.core.watch.ScopeCounts;
import io.watchkeeper.core.watch.ScopeResult;
import io.watchkeeper.core.watch.ScopeStatus;
import io.watchkeeper.watchers.WatchProgress;
import io.watchkeeper.web.Scanner;
import io.watchkeeper.web.service.ScanJobs;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code watchkeeper watch}: snapshot now, with a progress bar and a summary; exit 1 when a scope failed. */
@Command(name = "watch", description = "Watch accounts now: list, describe and store what changed.",
        mixinStandardHelpOptions = true)
public final class WatchCommand implements Callable<Integer> {

    private final Cli cli;

    @Mixin
    WatchTarget target = new WatchTarget();

    @Option(names = "--format", description = "table or json", defaultValue = "table")
    OutputFormat format;

    WatchCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        WatchProgress progress = cli.terminal() && format == OutputFormat.TABLE
                ? new TerminalProgress(cli.err()) : WatchProgress.NONE;
        ScanJobs.Finished finished = target.run(cli, ScanJobs.Kind.WATCH, progress);
        if (progress instanceof TerminalProgress bar) {
            bar.finish();
        }
        Scanner.Result result = finished.result();
        RunSummary summary = result.watch();
        if (format == OutputFormat.JSON) {
            Map<String, Object> json = json(summary);
            json.put("skipped", finished.skipped());
            json.put("audit", result.audit());
            cli.out().println(Json.pretty(json));
        } else {
            WatchTarget.printSkipped(cli, finished);
            print(summary);
            cli.out().println(AuditCommand.describe(result.audit()));
        }
        return summary.anyFailed() ? 1 : 0;
    }

    void print(RunSummary summary) {
        List<ScopeResult> problems = summary.scopes().stream().filter(s -> s.status() != ScopeStatus.OK).toList();
        if (!problems.isEmpty()) {
            cli.out().print(Text.table(List.of("SCOPE", "STATUS", "ERROR", "MESSAGE"), problems.stream()
                    .<List<?>>map(s -> List.of(s.scope().toString(), s.status(), s.errorCategory() == null ? "-"
                            : s.errorCategory(), s.message() == null ? "-" : s.message())).toList(), 120));
        }
        ScopeCounts c = summary.counts();
        cli.out().printf("run %d: %d scopes ok, %d failed, %d partial, %d skipped in %.1fs; items: %d new, %d changed, "
                        + "%d deleted, %d unchanged (%d ephemeral-only updates); %d API calls%n",
                summary.runId(), summary.count(ScopeStatus.OK), summary.count(ScopeStatus.FAILED),
                summary.count(ScopeStatus.PARTIAL), summary.count(ScopeStatus.SKIPPED),
                summary.duration().toMillis() / 1000.0, c.created(), c.changed(), c.deleted(),
                c.unchanged() + c.ephemeral(), c.ephemeral(), summary.apiCalls());
    }

    static Map<String, Object> json(RunSummary summary) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("runId", summary.runId());
        m.put("durationMs", summary.duration().toMillis());
        m.put("scopesOk", summary.count(ScopeStatus.OK));
        m.put("scopesFailed", summary.count(ScopeStatus.FAILED));
        m.put("scopesPartial", summary.count(ScopeStatus.PARTIAL));
        m.put("scopesSkipped", summary.count(ScopeStatus.SKIPPED));
        m.put("items", summary.counts());
        m.put("apiCalls", summary.apiCalls());
        m.put("scopes", summary.scopes().stream().map(s -> {
            Map<String, Object> scope = new LinkedHashMap<>();
            scope.put("account", s.scope().account().name());
            scope.put("region", s.scope().region());
            scope.put("type", s.scope().type().id());
            scope.put("status", s.status());
            scope.put("errorCategory", s.errorCategory());
            scope.put("message", s.message());
            scope.put("counts", s.counts());
            scope.put("apiCalls", s.apiCalls());
            scope.put("throttles", s.throttles());
            scope.put("durationMs", s.duration().toMillis());
            return scope;
        }).toList());
        return m;
    }
}
