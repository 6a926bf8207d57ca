package io.watchkeeper.web.cli;

import io.watchkeeper.core.finding.FindingFilter;
import io.watchkeeper.core.finding.FindingReader;
import io.watchkeeper.core.finding.FindingView;
import io.watchkeeper.core.finding.Severity;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.model.Account;
import io.watchkeeper.core.model.AccountStore;
import io.watchkeeper.core.model.ResourceType;
import io.watchkeeper.watchers.WatchProgress;
import io.watchkeeper.watchers.WatchRequest;
import io.watchkeeper.watchers.WatcherRegistry;
import io.watchkeeper.web.Scanner;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code watchkeeper scan}: watch now, audit everything watched, report open findings. */
@Command(name = "scan", description = "Watch now, audit every watched item, and summarise the open findings.",
        mixinStandardHelpOptions = true)
public final class ScanCommand implements Callable<Integer> {

    private final Cli cli;

    @Option(names = "--account", description = "account name (repeatable; default: every active account)")
    List<String> accounts = new ArrayList<>();

    @Option(names = "--type", description = "resource type (repeatable; default: all)")
    List<String> types = new ArrayList<>();

    @Option(names = "--region", description = "region (repeatable; default: each account's regions)")
    List<String> regions = new ArrayList<>();

    @Option(names = "--format", description = "table or json", defaultValue = "table")
    OutputFormat format;

    ScanCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        AccountStore store = cli.bean(AccountStore.class);
        WatcherRegistry registry = cli.bean(WatcherRegistry.class);
        Set<ResourceType> typeSet = new LinkedHashSet<>();
        types.forEach(t -> typeSet.add(registry.require(ResourceType.of(t).id()).type()));
        List<Account> chosen = accounts.isEmpty() ? store.list().stream().filter(Account::active).toList()
                : accounts.stream().map(store::require).toList();
        if (chosen.isEmpty()) {
            cli.err().println("no accounts to scan: add one with 'watchkeeper accounts add aws ...'");
            return 2;
        }
        WatchProgress progress = cli.terminal() && format == OutputFormat.TABLE
                ? new TerminalProgress(cli.err()) : WatchProgress.NONE;
        Scanner.Result result = cli.bean(Scanner.class).scan(new WatchRequest(chosen, typeSet,
                new LinkedHashSet<>(regions), "manual", cli.actor(), true), progress);
        if (progress instanceof TerminalProgress bar) {
            bar.finish();
        }
        List<String> names = chosen.stream().map(Account::name).toList();
        List<FindingView> open = cli.bean(FindingReader.class).list(FindingFilter.open()).stream()
                .filter(f -> names.contains(f.account())).toList();
        Map<Severity, Integer> bySeverity = new EnumMap<>(Severity.class);
        open.forEach(f -> bySeverity.merge(f.severity(), 1, Integer::sum));
        if (format == OutputFormat.JSON) {
            Map<String, Object> json = WatchCommand.json(result.watch());
            json.put("audit", result.audit());
            json.put("openFindings", bySeverity);
            cli.out().println(Json.pretty(json));
        } else {
            new WatchCommand(cli).print(result.watch());
            cli.out().println(AuditCommand.describe(result.audit()));
            cli.out().println("open findings: " + (open.isEmpty() ? "none" : bySeverity.entrySet().stream()
                    .map(e -> e.getValue() + " " + e.getKey().name().toLowerCase()).reduce((a, b) -> b + ", " + a)
                    .orElse("")) + (open.isEmpty() ? "" : " (watchkeeper findings list)"));
        }
        return result.watch().anyFailed() ? 1 : 0;
    }
}
