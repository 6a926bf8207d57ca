package io.watchkeeper.web.cli;

import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.watch.WatchInterval;
import io.watchkeeper.web.WatchkeeperProperties;
import io.watchkeeper.web.service.AccountAdmin;
import io.watchkeeper.web.service.WatchIntervals;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code watchkeeper intervals set|list|clear}: watch intervals per type and account, through
 * {@link WatchIntervals} like the console and the API; the schedule follows at once.
 */
@Command(name = "intervals", mixinStandardHelpOptions = true,
        description = "Watch intervals per resource type and account. Changes apply to running servers at once.",
        subcommands = {IntervalsCommand.Set.class, IntervalsCommand.ListIntervals.class, IntervalsCommand.Clear.class})
public final class IntervalsCommand {

    abstract static class Target {
        final Cli cli;

        @Option(names = "--account", description = "account name (default: every account)")
        String account;

        @Option(names = "--type", description = "resource type (default: every type)")
        String type;

        Target(Cli cli) {
            this.cli = cli;
        }

        Long accountId() {
            return account == null ? null : cli.bean(AccountAdmin.class).find(account, cli.caller()).id();
        }

        String label() {
            return (account == null ? "every account" : "account " + account) + ", "
                    + (type == null ? "every type" : type);
        }
    }

    @Command(name = "set", description = "Set the interval for an account and/or type.", mixinStandardHelpOptions = true)
    static final class Set extends Target implements Callable<Integer> {
        @Option(names = "--minutes", required = true, description = "interval in minutes (1..10080)")
        int minutes;

        Set(Cli cli) {
            super(cli);
        }

        @Override
        public Integer call() {
            cli.bean(WatchIntervals.class).set(accountId(), type, minutes, cli.caller());
            cli.out().println("interval for " + Text.safe(label()) + ": " + minutes + " min");
            return 0;
        }
    }

    @Command(name = "clear", description = "Remove a configured interval.", mixinStandardHelpOptions = true)
    static final class Clear extends Target implements Callable<Integer> {
        Clear(Cli cli) {
            super(cli);
        }

        @Override
        public Integer call() {
            boolean removed = cli.bean(WatchIntervals.class).clear(accountId(), type, cli.caller());
            cli.out().println(removed ? "cleared " + Text.safe(label()) : "nothing configured for " + Text.safe(label()));
            return 0;
        }
    }

    @Command(name = "list", description = "List configured intervals and the default.", mixinStandardHelpOptions = true)
    static final class ListIntervals implements Callable<Integer> {
        private final Cli cli;

        @Option(names = "--format", description = "table or json", defaultValue = "table")
        OutputFormat format;

        ListIntervals(Cli cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            List<WatchInterval> intervals = cli.bean(WatchIntervals.class).list(cli.caller());
            long defaultMinutes = cli.bean(WatchkeeperProperties.class).watch().defaultInterval().toMinutes();
            if (format == OutputFormat.JSON) {
                cli.out().println(Json.pretty(Map.of("defaultMinutes", defaultMinutes, "intervals", intervals)));
                return 0;
            }
            cli.out().println("default: " + defaultMinutes + " min");
            cli.out().print(Text.table(List.of("ACCOUNT", "TYPE", "MINUTES"), intervals.stream()
                    .<List<?>>map(i -> List.of(i.accountName() == null ? "*" : i.accountName(),
                            i.type() == null ? "*" : i.type(), i.minutes())).toList(), 60));
            return 0;
        }
    }
}
