package io.watchkeeper.web.cli;

import io.watchkeeper.web.service.AccountAdmin;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code watchkeeper accounts discover gcp}: registers the projects of a GCP organisation or folder. */
@Command(name = "gcp", mixinStandardHelpOptions = true,
        description = "Register the active projects under a GCP organisation (or one of its folders) not known yet.")
final class AccountsDiscoverGcp implements Callable<Integer> {

    private final Cli cli;

    @Option(names = "--organization", required = true, description = "organisation id (digits)")
    String organization;

    @Option(names = "--folder", description = "only the projects under this folder (digits)")
    String folder;

    @Option(names = "--credentials", paramLabel = "FILE|none",
            description = "credential for the listing and for every project added (default: Application Default Credentials)")
    String credentials;

    @Option(names = "--dry-run", description = "show what would be added")
    boolean dryRun;

    AccountsDiscoverGcp(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        List<AccountAdmin.DiscoveredProject> found = cli.bean(AccountAdmin.class).discoverGcp(organization, folder,
                credentials, dryRun, cli.caller());
        for (AccountAdmin.DiscoveredProject p : found) {
            cli.out().println((p.added() ? "added " : "would add ") + Text.safe(p.name()) + " (" + Text.safe(p.projectId())
                    + ", under " + Text.safe(p.parent()) + ")");
        }
        cli.out().println(found.stream().filter(AccountAdmin.DiscoveredProject::added).count() + " project(s) added");
        return 0;
    }
}
