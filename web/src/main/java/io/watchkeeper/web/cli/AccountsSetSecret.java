package io.watchkeeper.web.cli;

import io.watchkeeper.core.model.Account;
import io.watchkeeper.web.service.AccountAdmin;
import io.watchkeeper.web.service.GitHubAccounts;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code watchkeeper accounts set-secret NAME}: replaces a GitHub account's token or App key (sealed, audited). */
@Command(name = "set-secret", mixinStandardHelpOptions = true,
        description = "Replace a GitHub account's token (--token-file) or App private key (--app-key).")
final class AccountsSetSecret implements Callable<Integer> {

    private final Cli cli;

    @Parameters(index = "0", description = "account name")
    String name;

    @Option(names = "--token-file", description = "file holding the new token (owner-only)")
    Path tokenFile;

    @Option(names = "--app-key", description = "the App's new private key, PEM (owner-only)")
    Path appKey;

    AccountsSetSecret(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        Account account = cli.bean(AccountAdmin.class).find(name, cli.caller());
        byte[] token = tokenFile == null ? null : SecretFiles.read(tokenFile, "--token-file");
        byte[] key = appKey == null ? null : SecretFiles.read(appKey, "--app-key");
        try {
            cli.bean(GitHubAccounts.class).replaceSecret(account, token, key, cli.caller());
            cli.out().println("replaced the " + (key != null ? "App key" : "token") + " of " + Text.safe(account.name())
                    + " (sealed)");
            return 0;
        } finally {
            if (key != null) {
                Arrays.fill(key, (byte) 0);
            }
        }
    }
}
