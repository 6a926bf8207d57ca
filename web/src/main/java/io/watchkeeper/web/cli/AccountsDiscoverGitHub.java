package io.watchkeeper.web.cli;

import io.watchkeeper.web.service.GitHubAccounts;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code watchkeeper accounts discover github}: the organisations a GitHub App is installed on. */
@Command(name = "github", mixinStandardHelpOptions = true,
        description = "Register the organisations a GitHub App is installed on (those not yet known).")
final class AccountsDiscoverGitHub implements Callable<Integer> {

    private final Cli cli;

    @Option(names = "--app-id", required = true, description = "GitHub App id")
    long appId;

    @Option(names = "--app-key", required = true, description = "the App's private key, PEM (owner-only)")
    Path appKey;

    @Option(names = "--endpoint", description = "REST API base URL (default https://api.github.com)")
    String endpoint;

    @Option(names = "--dry-run", description = "show what would be added")
    boolean dryRun;

    AccountsDiscoverGitHub(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        byte[] key = SecretFiles.read(appKey, "--app-key");
        try {
            List<GitHubAccounts.Discovered> found = cli.bean(GitHubAccounts.class).discover(appId, key, endpoint, dryRun,
                    cli.caller());
            for (GitHubAccounts.Discovered d : found) {
                cli.out().println((d.added() ? "added " : "would add ") + Text.safe(d.name()) + " (organisation "
                        + Text.safe(d.organization()) + ", installation " + d.installationId() + ", "
                        + Text.safe(d.repositorySelection()) + " repositories)");
            }
            cli.out().println(found.stream().filter(GitHubAccounts.Discovered::added).count() + " account(s) added");
            return 0;
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }
}
