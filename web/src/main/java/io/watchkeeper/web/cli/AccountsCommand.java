package io.watchkeeper.web.cli;

import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.model.Account;
import io.watchkeeper.core.model.AccountAccess;
import io.watchkeeper.core.model.AccountSpec;
import io.watchkeeper.core.model.InvalidInputException;
import io.watchkeeper.core.model.Provider;
import io.watchkeeper.web.service.AccountAdmin;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code watchkeeper accounts add|list|enable|disable|discover}, through {@link AccountAdmin} like the
 * console and the API.
 */
@Command(name = "accounts", description = "Register and list the accounts Watchkeeper watches.",
        mixinStandardHelpOptions = true,
        subcommands = {AccountsCommand.Add.class, AccountsCommand.ListAccounts.class, AccountsCommand.Enable.class,
                AccountsCommand.Disable.class, AccountsCommand.Discover.class, AccountsTestCommand.class,
                AccountsSetSecret.class})
public final class AccountsCommand {

    static Map<String, Object> view(Account a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", a.name());
        m.put("provider", a.provider().id());
        m.put("accountId", a.externalId());
        m.put("roleArn", a.access().roleArn());
        if (a.provider() == Provider.GCP) {
            m.put("credentials", a.access().credentialsRef() == null ? "adc" : a.access().credentialsRef());
        }
        m.put("externalIdSet", a.access().roleExternalId() != null);
        m.put("regions", a.regions());
        m.put("tags", a.tags());
        m.put("active", a.active());
        m.put("thirdParty", a.thirdParty());
        return m;
    }

    /**
     * {@code accounts add aws …}; other providers are subcommands of {@code add} ({@code accounts add gcp …}),
     * so the AWS options are checked here rather than declared required.
     */
    @Command(name = "add", description = "Register an account (aws; 'add gcp' for a GCP project, 'add github' for a GitHub"
            + " organisation).", mixinStandardHelpOptions = true, subcommands = {AccountsAddGcp.class, AccountsAddGitHub.class})
    static final class Add implements Callable<Integer> {
        private final Cli cli;

        @Parameters(index = "0", arity = "0..1", description = "provider: aws")
        String provider;

        @Option(names = "--name", description = "short unique name (required)")
        String name;

        @Option(names = "--account-id", description = "AWS account number (12 digits, required)")
        String accountId;

        @Option(names = "--role-arn", description = "role the hub credential assumes in this account")
        String roleArn;

        @Option(names = "--external-id", description = "external id required by the role's trust policy")
        String externalId;

        @Option(names = "--regions", split = ",", description = "regions to watch (default: the enabled regions)")
        List<String> regions = new ArrayList<>();

        @Option(names = "--tag", description = "key=value label (repeatable)")
        Map<String, String> tags = new LinkedHashMap<>();

        @Option(names = "--third-party", description = "a friendly account the organisation does not own")
        boolean thirdParty;

        Add(Cli cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            Provider p = Provider.fromId(provider);
            if (p != Provider.AWS) {
                throw new InvalidInputException("use 'accounts add " + p.id() + " …' for " + p.id() + " accounts");
            }
            if (name == null || accountId == null) {
                throw new InvalidInputException("Missing required option" + (name == null && accountId == null
                        ? "s: '--name', '--account-id'" : name == null ? ": '--name'" : ": '--account-id'"));
            }
            AccountSpec spec = new AccountSpec(p, name, accountId, new AccountAccess(roleArn, externalId, null), regions,
                    tags, thirdParty);
            Account account = cli.bean(AccountAdmin.class).add(spec, cli.caller());
            cli.out().println("added account " + Text.safe(account.name()) + " (" + account.externalId() + ")"
                    + (account.thirdParty() ? " as a third party: reference data for the auditors, never watched" : ""));
            return 0;
        }
    }

    @Command(name = "list", description = "List registered accounts.", mixinStandardHelpOptions = true)
    static final class ListAccounts implements Callable<Integer> {
        private final Cli cli;

        @Option(names = "--format", description = "table or json", defaultValue = "table")
        OutputFormat format;

        ListAccounts(Cli cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            List<Account> accounts = cli.bean(AccountAdmin.class).list(cli.caller());
            if (format == OutputFormat.JSON) {
                cli.out().println(Json.pretty(accounts.stream().map(AccountsCommand::view).toList()));
                return 0;
            }
            List<List<?>> rows = accounts.stream().<List<?>>map(a -> List.of(a.name(), a.provider().id(), a.externalId(),
                    a.regions().isEmpty() ? "(enabled)" : String.join(",", a.regions()),
                    a.thirdParty() ? "third party (never watched)" : a.access().roleArn() == null ? "-" : a.access().roleArn(),
                    a.active() ? "yes" : "no")).toList();
            cli.out().print(Text.table(List.of("NAME", "PROVIDER", "ACCOUNT", "REGIONS", "ROLE", "ACTIVE"), rows, 80));
            return 0;
        }
    }

    abstract static class Toggle implements Callable<Integer> {
        private final Cli cli;
        private final boolean active;

        @Parameters(index = "0", description = "account name")
        String name;

        Toggle(Cli cli, boolean active) {
            this.cli = cli;
            this.active = active;
        }

        @Override
        public Integer call() {
            AccountAdmin admin = cli.bean(AccountAdmin.class);
            Account account = admin.setActive(admin.find(name, cli.caller()).id(), active, cli.caller());
            cli.out().println((active ? "enabled " : "disabled ") + Text.safe(account.name()));
            return 0;
        }
    }

    @Command(name = "enable", description = "Include an account in scheduled watching.", mixinStandardHelpOptions = true)
    static final class Enable extends Toggle {
        Enable(Cli cli) {
            super(cli, true);
        }
    }

    @Command(name = "disable", description = "Leave an account out of scheduled watching.", mixinStandardHelpOptions = true)
    static final class Disable extends Toggle {
        Disable(Cli cli) {
            super(cli, false);
        }
    }

    @Command(name = "discover", mixinStandardHelpOptions = true,
            subcommands = {AccountsDiscoverGcp.class, AccountsDiscoverGitHub.class},
            description = "Register the member accounts of the hub's AWS Organization (active members not yet known);"
                    + " 'discover gcp' for the projects of a GCP organisation, 'discover github' for a GitHub App's"
                    + " installations.")
    static final class Discover implements Callable<Integer> {
        private final Cli cli;

        @Parameters(index = "0", arity = "0..1", description = "provider: aws")
        String provider;

        @Option(names = "--role-name", description = "role to assume in each member account (required)")
        String roleName;

        @Option(names = "--external-id", description = "external id for the role")
        String externalId;

        @Option(names = "--regions", split = ",", description = "regions to watch in each account")
        List<String> regions = new ArrayList<>();

        @Option(names = "--dry-run", description = "show what would be added")
        boolean dryRun;

        Discover(Cli cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            if (Provider.fromId(provider) != Provider.AWS) {
                throw new InvalidInputException("discovery is available for aws, gcp and github ('accounts discover gcp|github …')");
            }
            if (roleName == null) {
                throw new InvalidInputException("Missing required option: '--role-name'");
            }
            List<AccountAdmin.Discovered> found = cli.bean(AccountAdmin.class).discover(roleName, externalId, regions,
                    dryRun, cli.caller());
            for (AccountAdmin.Discovered d : found) {
                cli.out().println(d.added() ? "added " + Text.safe(d.name()) + " (" + d.accountId() + ")"
                        : "would add " + Text.safe(d.name()) + " (" + d.accountId() + ") via " + Text.safe(d.roleArn()));
            }
            cli.out().println(found.stream().filter(AccountAdmin.Discovered::added).count() + " account(s) added");
            return 0;
        }
    }
}
