package io.watchkeeper.web.cli;

import io.watchkeeper.auditors.CheckRegistry;
import io.watchkeeper.core.finding.AuditSummary;
import io.watchkeeper.core.json.Json;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import io.watchkeeper.web.service.ScanJobs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code watchkeeper audit}: re-run the checks over what is stored, without watching. */
@Command(name = "audit", description = "Re-audit stored items (all, or of some types/checks) without watching.",
        mixinStandardHelpOptions = true)
public final class AuditCommand implements Callable<Integer> {

    private final Cli cli;

    @Option(names = "--type", description = "resource type (repeatable; default: every type with checks)")
    List<String> types = List.of();

    @Option(names = "--check", description = "audit the types these checks apply to (repeatable)")
    List<String> checks = List.of();

    @Option(names = "--format", description = "table or json", defaultValue = "table")
    OutputFormat format;

    AuditCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        CheckRegistry registry = cli.bean(CheckRegistry.class);
        Set<String> selected = new LinkedHashSet<>(types);
        checks.forEach(c -> selected.add(registry.require(c).appliesTo().id()));
        AuditSummary summary = cli.bean(ScanJobs.class).reaudit(selected, cli.caller());
        cli.out().println(format == OutputFormat.JSON ? Json.pretty(summary) : describe(summary));
        return 0;
    }

    static String describe(AuditSummary s) {
        return String.format("audit %d: %d items, %d evaluations in %.1fs; findings: %d new, %d regressed, %d reopened, "
                        + "%d fixed%s", s.runId(), s.items(), s.evaluations(), s.duration().toMillis() / 1000.0,
                s.opened(), s.regressed(), s.reopened(), s.fixed(), s.errors() > 0 ? "; " + s.errors()
                        + " check error(s), see the log" : "");
    }
}
