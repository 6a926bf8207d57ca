package io.watchkeeper.web.cli;

import io.watchkeeper.core.json.Json;
import io.watchkeeper.web.tuner.CatalogueRefresh;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code watchkeeper tuner catalogue refresh [--from URL|FILE|DIR]}. */
@Command(name = "catalogue", description = "The tuner's IAM action catalogue.", mixinStandardHelpOptions = true,
        subcommands = {TunerCatalogueCommand.Refresh.class})
final class TunerCatalogueCommand {

    @Command(name = "refresh", mixinStandardHelpOptions = true, description = "Refresh the action catalogue from AWS's "
            + "published service reference (https://servicereference.us-east-1.amazonaws.com/ by default), another https "
            + "URL of an index, a directory of service files or one JSON file; written to <home>/iam-catalog.tsv and used "
            + "from the next start.")
    static final class Refresh implements Callable<Integer> {
        private final Cli cli;

        @Option(names = "--from", paramLabel = "URL|FILE", description = "index URL (https), a directory of <service>.json "
                + "files, or a JSON file (one service file or an array of them)")
        String from;

        @Option(names = "--format", description = "table or json", defaultValue = "table")
        OutputFormat format;

        Refresh(Cli cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            CatalogueRefresh.Refreshed r = cli.bean(CatalogueRefresh.class).refresh(from, cli.caller(), line -> {
                cli.err().println("… " + line);
                cli.err().flush();
            });
            if (format == OutputFormat.JSON) {
                cli.out().println(Json.pretty(r));
                return 0;
            }
            cli.out().printf("catalogue refreshed from %s: %,d services, %,d actions (was %,d services, %,d actions)%n",
                    Text.safe(r.source()), r.services(), r.actions(), r.servicesBefore(), r.actionsBefore());
            if (!r.dropped().isEmpty()) {
                cli.out().println("  services no longer listed: " + Text.safe(String.join(", ", r.dropped())));
            }
            cli.out().println("  written to " + Text.safe(r.file()) + "; the tuner uses it from its next start");
            return 0;
        }
    }
}
