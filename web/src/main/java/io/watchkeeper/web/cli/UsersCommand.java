package io.watchkeeper.web.cli;

import io.watchkeeper.core.access.AccountScope;
import io.watchkeeper.core.access.Role;
import io.watchkeeper.core.access.User;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.model.Account;
import io.watchkeeper.core.model.AccountStore;
import io.watchkeeper.core.model.InvalidInputException;
import io.watchkeeper.web.service.AccessAdmin;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code watchkeeper users list|add|set-role|set-scope|enable|disable|reset-password}: the same
 * {@link AccessAdmin} service as the console and the API, as {@code cli:<os user>} (an admin of every
 * account), with the same audit entries. Generated passwords are temporary and printed once.
 */
@Command(name = "users", description = "Console and API users: list, add, change role or accounts, disable, reset passwords.",
        mixinStandardHelpOptions = true,
        subcommands = {UsersCommand.ListUsers.class, UsersCommand.Add.class, UsersCommand.SetRole.class,
                UsersCommand.SetScope.class, UsersCommand.Enable.class, UsersCommand.Disable.class,
                UsersCommand.ResetPassword.class})
public final class UsersCommand {

    private UsersCommand() {}

    static Map<String, Object> view(User u, Function<Long, String> accountName) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("username", u.username());
        m.put("displayName", u.displayName());
        m.put("role", u.role().name());
        m.put("accounts", u.scope().unrestricted() ? "all" : accounts(u.scope(), accountName));
        m.put("enabled", u.enabled());
        m.put("signIn", u.localPassword() ? "password" : "oidc");
        m.put("mustChangePassword", u.mustChangePassword());
        m.put("lastLoginAt", u.lastLoginAt() == null ? null : u.lastLoginAt().toString());
        return m;
    }

    private static List<String> accounts(AccountScope scope, Function<Long, String> accountName) {
        return scope.accountIds().stream().map(accountName).sorted().toList();
    }

    /** Account names to ids; unknown names are bad input. */
    static Set<Long> accountIds(Cli cli, List<String> names) {
        AccountStore store = cli.bean(AccountStore.class);
        Set<Long> ids = new TreeSet<>();
        for (String name : names) {
            ids.add(store.require(name.strip()).id());
        }
        return ids;
    }

    /** The first line of a password file (at most 1 KiB); the password never comes from the command line. */
    static String passwordFrom(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(1025);
            if (bytes.length > 1024) {
                throw new InvalidInputException("password file " + file + " is larger than 1 KiB");
            }
            String text = new String(bytes, StandardCharsets.UTF_8);
            int end = text.indexOf('\n');
            return (end < 0 ? text : text.substring(0, end)).replace("\r", "");
        } catch (IOException e) {
            throw new InvalidInputException("cannot read password file " + Text.safe(file) + " ("
                    + (e instanceof java.nio.file.NoSuchFileException ? "no such file" : "unreadable") + ")");
        }
    }

    static void printTemporary(Cli cli, AccessAdmin.Issued issued) {
        if (issued.temporaryPassword() != null) {
            // printed on purpose, once: this is how the admin learns what to hand over
            cli.out().println("temporary password: " + issued.temporaryPassword() + " (shown once; "
                    + Text.safe(issued.user().username()) + " must change it at the first sign-in)");
        }
    }

    @Command(name = "list", description = "List users.", mixinStandardHelpOptions = true)
    static final class ListUsers implements Callable<Integer> {
        private final Cli cli;

        @Option(names = "--format", description = "table or json", defaultValue = "table")
        OutputFormat format;

        ListUsers(Cli cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            List<User> users = cli.bean(AccessAdmin.class).users(cli.caller());
            Map<Long, String> names = cli.bean(AccountStore.class).list().stream()
                    .collect(Collectors.toMap(Account::id, Account::name));
            Function<Long, String> name = id -> names.getOrDefault(id, "#" + id);
            if (format == OutputFormat.JSON) {
                cli.out().println(Json.pretty(users.stream().map(u -> view(u, name)).toList()));
                return 0;
            }
            List<List<?>> rows = new ArrayList<>();
            for (User u : users) {
                rows.add(List.of(u.username(), u.role().name().toLowerCase(),
                        u.scope().unrestricted() ? "all" : String.join(",", accounts(u.scope(), name)),
                        u.enabled() ? "yes" : "no", u.localPassword() ? "password" : "oidc",
                        u.mustChangePassword() ? "yes" : "no"));
            }
            cli.out().print(Text.table(List.of("USER", "ROLE", "ACCOUNTS", "ENABLED", "SIGN-IN", "MUST CHANGE"), rows, 60));
            return 0;
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Add a user with a local password: generated (temporary, printed once) or read from a file.")
    static final class Add implements Callable<Integer> {
        private final Cli cli;

        @Parameters(index = "0", description = "username: letters, digits and . _ @ -")
        String username;

        @Option(names = "--role", required = true, description = "viewer, commenter, justifier or admin")
        String role;

        @Option(names = "--accounts", split = ",", description = "account names the user may see (default: all)")
        List<String> accounts = new ArrayList<>();

        @Option(names = "--display-name", description = "shown name")
        String displayName;

        @Option(names = "--password-file", description = "the password (first line of the file) instead of a generated one")
        Path passwordFile;

        @Option(names = "--must-change", description = "make the password from --password-file temporary too")
        boolean mustChange;

        Add(Cli cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            Role parsed = Role.parse(role);
            Set<Long> ids = accountIds(cli, accounts);
            String password = passwordFile == null ? null : passwordFrom(passwordFile);
            AccessAdmin.Issued issued = cli.bean(AccessAdmin.class).createUser(username, displayName, parsed, ids,
                    password, mustChange, cli.caller());
            cli.out().println("added user " + Text.safe(issued.user().username()) + " ("
                    + parsed.name().toLowerCase() + (ids.isEmpty() ? ", all accounts" : ", " + ids.size() + " account(s)") + ")");
            printTemporary(cli, issued);
            return 0;
        }
    }

    @Command(name = "set-role", description = "Change a user's role (their sessions end).", mixinStandardHelpOptions = true)
    static final class SetRole implements Callable<Integer> {
        private final Cli cli;

        @Parameters(index = "0", description = "username")
        String username;

        @Parameters(index = "1", description = "viewer, commenter, justifier or admin")
        String role;

        SetRole(Cli cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            Role parsed = Role.parse(role);
            AccessAdmin access = cli.bean(AccessAdmin.class);
            User u = access.user(username, cli.caller());
            access.updateUser(u.id(), parsed, u.scope(), u.enabled(), cli.caller());
            cli.out().println(Text.safe(u.username()) + " is now " + parsed.name().toLowerCase());
            return 0;
        }
    }

    @Command(name = "set-scope", description = "Change the accounts a user may see (their sessions end).",
            mixinStandardHelpOptions = true)
    static final class SetScope implements Callable<Integer> {
        private final Cli cli;

        @Parameters(index = "0", description = "username")
        String username;

        @Option(names = "--accounts", split = ",", description = "account names")
        List<String> accounts = new ArrayList<>();

        @Option(names = "--all", description = "every account")
        boolean all;

        SetScope(Cli cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            if (all == !accounts.isEmpty()) {
                throw new InvalidInputException("give either --accounts a,b or --all");
            }
            AccountScope scope = all ? AccountScope.ALL : AccountScope.of(accountIds(cli, accounts));
            AccessAdmin access = cli.bean(AccessAdmin.class);
            User u = access.user(username, cli.caller());
            access.updateUser(u.id(), u.role(), scope, u.enabled(), cli.caller());
            cli.out().println(Text.safe(u.username()) + " now sees " + (all ? "every account" : String.join(",",
                    accounts.stream().map(Text::safe).toList())));
            return 0;
        }
    }

    abstract static class Toggle implements Callable<Integer> {
        private final Cli cli;
        private final boolean enabled;

        @Parameters(index = "0", description = "username")
        String username;

        Toggle(Cli cli, boolean enabled) {
            this.cli = cli;
            this.enabled = enabled;
        }

        @Override
        public Integer call() {
            AccessAdmin access = cli.bean(AccessAdmin.class);
            User u = access.user(username, cli.caller());
            access.updateUser(u.id(), u.role(), u.scope(), enabled, cli.caller());
            cli.out().println((enabled ? "enabled " : "disabled ") + Text.safe(u.username()));
            return 0;
        }
    }

    @Command(name = "enable", description = "Let a user sign in again.", mixinStandardHelpOptions = true)
    static final class Enable extends Toggle {
        Enable(Cli cli) {
            super(cli, true);
        }
    }

    @Command(name = "disable", description = "Stop a user: sessions end at once, tokens stop working.",
            mixinStandardHelpOptions = true)
    static final class Disable extends Toggle {
        Disable(Cli cli) {
            super(cli, false);
        }
    }

    @Command(name = "reset-password", mixinStandardHelpOptions = true,
            description = "Give a user a temporary password (generated and printed once, or from a file); "
                    + "they must change it at the next sign-in, and their sessions end.")
    static final class ResetPassword implements Callable<Integer> {
        private final Cli cli;

        @Parameters(index = "0", description = "username")
        String username;

        @Option(names = "--password-file", description = "the temporary password (first line of the file)")
        Path passwordFile;

        ResetPassword(Cli cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            String password = passwordFile == null ? null : passwordFrom(passwordFile);
            AccessAdmin access = cli.bean(AccessAdmin.class);
            User u = access.user(username, cli.caller());
            AccessAdmin.Issued issued = access.resetPassword(u.id(), password, cli.caller());
            cli.out().println("reset the password of " + Text.safe(u.username()));
            printTemporary(cli, issued);
            return 0;
        }
    }
}
