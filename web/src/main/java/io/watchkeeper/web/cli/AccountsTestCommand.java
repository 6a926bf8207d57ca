package io.watchkeeper.web.cli;

import io.watchkeeper.web.service.AccountAdmin;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code watchkeeper accounts test NAME}: opens a session, which proves the account's identity, and
 * says what it reached (for a GitHub App also the permissions the watchers miss). Exit 1 when it fails.
 */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = "Test an account's connection (identity, and missing GitHub App permissions).")
final class AccountsTestCommand implements Callable<Integer> {

    private final Cli cli;

    @Parameters(index = "0", description = "account name")
    String name;

    AccountsTestCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        AccountAdmin admin = cli.bean(AccountAdmin.class);
        AccountAdmin.ConnectionTest result = admin.test(admin.find(name, cli.caller()).id(), cli.caller());
        if (result.identity() != null) {
            cli.out().println("reached " + Text.safe(result.identity()));
        }
        if (!result.ok()) {
            cli.out().println("FAILED: " + Text.safe(result.error()));
            return 1;
        }
        cli.out().println("ok");
        return 0;
    }
}
