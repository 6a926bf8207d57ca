package io.watchkeeper.web.cli;

import io.watchkeeper.core.model.ResourceType;
import io.watchkeeper.watchers.WatchProgress;
import io.watchkeeper.watchers.WatcherRegistry;
import io.watchkeeper.web.service.ScanJobs;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Option;

/** What {@code watch} and {@code scan} look at: accounts, types, regions (a picocli mixin). */
final class WatchTarget {

    @Option(names = "--account", description = "account name (repeatable; default: every active account, "
            + "third-party accounts excepted: they are never watched)")
    List<String> accounts = new ArrayList<>();

    @Option(names = "--type", description = "resource type, e.g. aws.s3.bucket (repeatable; default: all)")
    List<String> types = new ArrayList<>();

    @Option(names = "--region", description = "region (repeatable; default: each account's regions)")
    List<String> regions = new ArrayList<>();

    /** Runs the watch or scan through {@link ScanJobs}, as the command line's caller. */
    ScanJobs.Finished run(Cli cli, ScanJobs.Kind kind, WatchProgress progress) {
        WatcherRegistry registry = cli.bean(WatcherRegistry.class);
        Set<ResourceType> typeSet = new LinkedHashSet<>();
        types.forEach(t -> typeSet.add(registry.require(ResourceType.of(t).id()).type()));
        return cli.bean(ScanJobs.class).run(kind, accounts, typeSet, new LinkedHashSet<>(regions), progress, cli.caller());
    }

    /** One line naming the third-party accounts left out, or nothing. */
    static void printSkipped(Cli cli, ScanJobs.Finished finished) {
        if (!finished.skipped().isEmpty()) {
            cli.out().println("skipped third-party account(s) " + Text.safe(String.join(", ", finished.skipped()))
                    + ": reference data for the auditors, never watched");
        }
    }
}
