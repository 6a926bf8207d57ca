package io.watchkeeper.web.cli;

import io.watchkeeper.core.model.Account;
import io.watchkeeper.web.service.GitHubAccounts;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code watchkeeper accounts add github}: an organisation reached as a GitHub App (recommended) or with
 * a token. The token or App key file is read once, must be owner-only, and is sealed at rest; it is
 * never printed.
 */
@Command(name = "github", mixinStandardHelpOptions = true,
        description = "Register a GitHub organisation (GitHub App recommended, or a token).")
final class AccountsAddGitHub implements Callable<Integer> {

    private final Cli cli;

    @Option(names = "--name", required = true, description = "short unique name")
    String name;

    @Option(names = "--org", required = true, description = "the organisation's login")
    String organization;

    @Option(names = "--token-file", description = "file holding a fine-grained or classic token (owner-only)")
    Path tokenFile;

    @Option(names = "--app-id", description = "GitHub App id")
    Long appId;

    @Option(names = "--app-key", description = "the App's private key, PEM (owner-only)")
    Path appKey;

    @Option(names = "--installation-id", description = "the App's installation (default: found by organisation)")
    Long installationId;

    @Option(names = "--endpoint", description = "REST API base URL (GitHub Enterprise Server, test server); "
            + "default https://api.github.com")
    String endpoint;

    @Option(names = "--tag", description = "key=value label (repeatable)")
    Map<String, String> tags = new LinkedHashMap<>();

    AccountsAddGitHub(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        byte[] token = tokenFile == null ? null : SecretFiles.read(tokenFile, "--token-file");
        byte[] key = appKey == null ? null : SecretFiles.read(appKey, "--app-key");
        try {
            Account account = cli.bean(GitHubAccounts.class).add(new GitHubAccounts.NewGitHubAccount(name, organization,
                    endpoint, token, appId, key, installationId, tags), cli.caller());
            cli.out().println("added account " + Text.safe(account.name()) + " (GitHub organisation "
                    + Text.safe(account.externalId()) + ", " + (key != null ? "GitHub App " + appId : "token")
                    + "; the secret is sealed)");
            return 0;
        } finally {
            if (token != null) {
                Arrays.fill(token, (byte) 0);
            }
            if (key != null) {
                Arrays.fill(key, (byte) 0);
            }
        }
    }
}
