package io.watchkeeper.web.service;

import io.watchkeeper.core.access.Role;
import io.watchkeeper.core.audit.AuditEntry;
import io.watchkeeper.core.audit.AuditLog;
import io.watchkeeper.core.github.GitHubAccess;
import io.watchkeeper.core.github.GitHubAccessStore;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.model.Account;
import io.watchkeeper.core.model.AccountSpec;
import io.watchkeeper.core.model.AccountStore;
import io.watchkeeper.core.model.InvalidInputException;
import io.watchkeeper.core.model.Provider;
import io.watchkeeper.core.secret.SecretKind;
import io.watchkeeper.core.secret.SecretVault;
import io.watchkeeper.github.AppKey;
import io.watchkeeper.github.GitHubInstallation;
import io.watchkeeper.github.GitHubSession;
import io.watchkeeper.github.GitHubSessionFactory;
import io.watchkeeper.watchers.WatcherRegistry;
import io.watchkeeper.web.security.Caller;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * GitHub organisations as accounts (admins of every account add them, like every account): the
 * account, how it is reached and its sealed secret (token or App key) are written in one transaction
 * and audited once — that a secret was set, never its value. Also the App's installations
 * ({@code accounts discover github}) and the connection test, which names missing App permissions.
 */
@Service
public class GitHubAccounts implements ProviderConnectionTest {

    private static final List<String> LEVELS = List.of("read", "write", "admin");

    private final AccountStore accounts;
    private final GitHubAccessStore access;
    private final SecretVault secrets;
    private final GitHubSessionFactory sessions;
    private final WatcherRegistry watchers;
    private final AuditLog audit;
    private final ScheduleSync schedule;
    private final TransactionTemplate tx;

    public GitHubAccounts(AccountStore accounts, GitHubAccessStore access, SecretVault secrets,
                          GitHubSessionFactory sessions, WatcherRegistry watchers, AuditLog audit, ScheduleSync schedule,
                          PlatformTransactionManager transactions) {
        this.accounts = accounts;
        this.access = access;
        this.secrets = secrets;
        this.sessions = sessions;
        this.watchers = watchers;
        this.audit = audit;
        this.schedule = schedule;
        this.tx = new TransactionTemplate(transactions);
    }

    /**
     * A GitHub account to add. Exactly one of {@code token} (a personal access token) or
     * {@code appId} + {@code appKey} (the App's private key, PEM) is given; the caller wipes the bytes.
     */
    public record NewGitHubAccount(String name, String organization, String endpoint, byte[] token, Long appId,
                                   byte[] appKey, Long installationId, Map<String, String> tags) {
        @Override
        public String toString() {
            return "NewGitHubAccount[" + name + ", " + organization + ", secrets hidden]";
        }
    }

    /** An organisation the App is installed on, and whether it was added (false in a dry run or when known). */
    public record Discovered(String name, String organization, long installationId, String repositorySelection,
                             boolean added) {}

    public Account add(NewGitHubAccount request, Caller caller) {
        requireAccountAdmin(caller);
        boolean app = request.appId() != null || request.appKey() != null || request.installationId() != null;
        if (app == (request.token() != null)) {
            throw new InvalidInputException("give either a token (--token-file) or a GitHub App (--app-id and --app-key)");
        }
        if (app && (request.appId() == null || request.appKey() == null)) {
            throw new InvalidInputException("a GitHub App needs both --app-id and --app-key");
        }
        GitHubAccess how = new GitHubAccess(app ? GitHubAccess.Auth.APP : GitHubAccess.Auth.TOKEN, request.appId(),
                request.installationId(), request.endpoint(), null);
        byte[] secret = app ? request.appKey() : token(request.token());
        if (app) {
            AppKey.parse(secret);
        }
        AccountSpec spec = new AccountSpec(Provider.GITHUB, request.name(), request.organization(), null, List.of(),
                request.tags(), false);
        try {
            Account added = tx.execute(status -> {
                Account account = accounts.add(spec);
                access.put(account.id(), how);
                secrets.store(account.id(), app ? SecretKind.GITHUB_APP_KEY : SecretKind.GITHUB_TOKEN, secret);
                audit.record(new AuditEntry(caller.actor(), "account.add", "account:" + account.name(), null,
                        describe(account, how, app ? "App key set" : "token set")));
                return account;
            });
            schedule.now();
            return added;
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    /**
     * Replaces the token or App key of a GitHub account (an admin of that account); the audit log says
     * that it was replaced, never the value. The kind must match how the account is reached.
     */
    public void replaceSecret(Account account, byte[] token, byte[] appKey, Caller caller) {
        caller.require(Role.ADMIN);
        caller.requireAccount(account.id());
        try {
            if (account.provider() != Provider.GITHUB) {
                throw new InvalidInputException(account.name() + " is not a GitHub account");
            }
            GitHubAccess how = access.find(account.id()).orElseThrow(() -> new InvalidInputException(
                    account.name() + " has no GitHub access recorded"));
            boolean app = how.auth() == GitHubAccess.Auth.APP;
            if ((app ? appKey : token) == null || (app ? token : appKey) != null) {
                throw new InvalidInputException(account.name() + " is reached " + (app ? "as a GitHub App: give --app-key"
                        : "with a token: give --token-file"));
            }
            byte[] secret = app ? appKey : token(token);
            if (app) {
                AppKey.parse(secret);
            }
            try {
                tx.executeWithoutResult(status -> {
                    secrets.store(account.id(), app ? SecretKind.GITHUB_APP_KEY : SecretKind.GITHUB_TOKEN, secret);
                    audit.record(new AuditEntry(caller.actor(), "account.secret.replace", "account:" + account.name(),
                            null, Json.tree(Map.of("secret", app ? "App key replaced" : "token replaced"))));
                });
            } finally {
                Arrays.fill(secret, (byte) 0);
            }
        } finally {
            if (token != null) {
                Arrays.fill(token, (byte) 0);
            }
        }
    }

    /**
     * Adds every organisation that App {@code appId} is installed on and that is not registered yet,
     * each with its own sealed copy of the key; a dry run only lists them.
     */
    public List<Discovered> discover(long appId, byte[] appKey, String endpoint, boolean dryRun, Caller caller) {
        requireAccountAdmin(caller);
        String checkedEndpoint = new GitHubAccess(GitHubAccess.Auth.APP, appId, null, endpoint, null).endpoint();
        Set<String> known = accounts.list().stream().filter(a -> a.provider() == Provider.GITHUB)
                .map(a -> a.externalId().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        List<Discovered> found = new ArrayList<>();
        for (GitHubInstallation i : sessions.installations(appId, appKey, checkedEndpoint)) {
            if (!"ORGANIZATION".equalsIgnoreCase(i.targetType()) || known.contains(i.login().toLowerCase(Locale.ROOT))) {
                continue;
            }
            String name = safeName(i.login());
            if (!dryRun) {
                add(new NewGitHubAccount(name, i.login(), checkedEndpoint, null, appId, appKey.clone(), i.id(),
                        Map.of("discovered", "github-app")), caller);
            }
            found.add(new Discovered(name, i.login(), i.id(), i.repositorySelection(), !dryRun));
        }
        return found;
    }

    @Override
    public Provider provider() {
        return Provider.GITHUB;
    }

    /** Opens a session (proves the organisation's identity) and names the App permissions the watchers miss. */
    @Override
    public AccountAdmin.ConnectionTest test(Account account) {
        sessions.forget(account.id()); // the installation's permissions as they are now
        try (GitHubSession session = sessions.open(account)) {
            String identity = "organisation " + session.organization() + " (id " + session.organizationId() + ") through "
                    + session.installation().map(i -> "App installation " + i.id()).orElse("a token");
            if (session.installation().isEmpty()) {
                return new AccountAdmin.ConnectionTest(true, identity, null);
            }
            List<String> missing = missing(session.installation().get().permissions());
            return missing.isEmpty() ? new AccountAdmin.ConnectionTest(true, identity, null)
                    : new AccountAdmin.ConnectionTest(false, identity, "missing GitHub App permissions: "
                            + String.join(", ", missing), missing);
        } catch (RuntimeException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return new AccountAdmin.ConnectionTest(false, null, message.length() > 300 ? message.substring(0, 300) + "…"
                    : message);
        }
    }

    /** The permissions GitHub watchers need that {@code granted} lacks or grants at a lower level, sorted. */
    List<String> missing(Map<String, String> granted) {
        Set<String> missing = new TreeSet<>();
        watchers.forProvider(Provider.GITHUB).forEach(w -> w.requiredPermissions().forEach(p -> {
            String[] parts = p.split(":");
            int has = LEVELS.indexOf(granted.getOrDefault(parts[0], "none"));
            if (has < LEVELS.indexOf(parts[1])) {
                missing.add(p);
            }
        }));
        return List.copyOf(missing);
    }

    private static byte[] token(byte[] raw) {
        String text = new String(raw, StandardCharsets.US_ASCII).strip();
        Arrays.fill(raw, (byte) 0);
        if (!text.matches("[\\x21-\\x7e]{8,512}")) {
            throw new InvalidInputException("the token file does not hold a token (one line of 8-512 printable characters)");
        }
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static String safeName(String login) {
        String name = login.replaceAll("[^A-Za-z0-9_.-]", "-");
        return name.length() > 63 ? name.substring(0, 63) : name;
    }

    private static void requireAccountAdmin(Caller caller) {
        caller.require(Role.ADMIN);
        Scopes.requireEveryAccount(caller, "only an admin of every account adds accounts");
    }

    /** The account as the audit log records it: how it is reached, and that a secret is set — never the secret. */
    private static JsonNode describe(Account a, GitHubAccess how, String secret) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", a.name());
        m.put("provider", a.provider().id());
        m.put("organization", a.externalId());
        m.put("auth", how.auth().id());
        if (how.appId() != null) {
            m.put("appId", how.appId());
        }
        if (how.installationId() != null) {
            m.put("installationId", how.installationId());
        }
        m.put("endpoint", how.endpoint());
        m.put("secret", secret);
        m.put("tags", a.tags());
        return Json.tree(m);
    }
}
