package io.watchkeeper.web.cli;

import io.watchkeeper.core.cert.Authority;
import io.watchkeeper.web.cert.AuthorityAdmin;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code authorities assign}: the accounts whose users may use an authority. */
@Command(name = "assign", mixinStandardHelpOptions = true,
        description = "Set the accounts whose users may see and use an authority (for certificates of those accounts); "
                + "no --account: admins of every account only.")
final class AuthoritiesAssignCommand implements Callable<Integer> {
    private final Cli cli;

    @Parameters(index = "0", description = "authority name")
    String name;

    @Option(names = "--account", description = "account name (repeatable)")
    List<String> accounts = new ArrayList<>();

    AuthoritiesAssignCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        AuthorityAdmin admin = cli.bean(AuthorityAdmin.class);
        Authority a = admin.assign(name, accounts, cli.caller());
        cli.out().println("authority " + Text.safe(a.name()) + " serves " + (a.accountIds().isEmpty()
                ? "admins of every account only" : "accounts " + String.join(", ", admin.accountNames(a.accountIds()))));
        return 0;
    }
}
