package io.watchkeeper.web.cli;

import io.watchkeeper.core.json.Json;
import io.watchkeeper.web.service.AccountAdmin;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code watchkeeper accounts test NAME}: opens a session (proving the account's identity) and, for GCP and GitHub Apps,
 * names the permissions the watchers need that are missing. Exit 1 when the test fails.
 */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = "Prove access to an account; for GCP and GitHub Apps also list missing permissions by name.")
final class AccountsTestCommand implements Callable<Integer> {

    private final Cli cli;

    @Parameters(index = "0", description = "account name")
    String name;

    @Option(names = "--format", description = "table or json", defaultValue = "table")
    OutputFormat format;

    AccountsTestCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        AccountAdmin admin = cli.bean(AccountAdmin.class);
        AccountAdmin.ConnectionTest result = admin.test(admin.find(name, cli.caller()).id(), cli.caller());
        if (format == OutputFormat.JSON) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("ok", result.ok());
            view.put("identity", result.identity());
            view.put("error", result.error());
            view.put("missingPermissions", result.missingPermissions());
            cli.out().println(Json.pretty(view));
        } else if (result.identity() != null) {
            cli.out().println("reached " + Text.safe(result.identity()));
            result.missingPermissions().forEach(p -> cli.out().println("missing permission: " + Text.safe(p)));
            if (!result.ok()) {
                cli.out().println("error: " + Text.safe(result.error()));
            }
        } else {
            cli.out().println("failed: " + Text.safe(result.error()));
        }
        return result.ok() ? 0 : 1;
    }
}
