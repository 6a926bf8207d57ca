package io.watchkeeper.github;

import io.watchkeeper.core.github.EtagCache;
import io.watchkeeper.core.github.GitHubAccess;
import io.watchkeeper.core.github.GitHubAccessStore;
import io.watchkeeper.core.model.Account;
import io.watchkeeper.core.model.ErrorCategory;
import io.watchkeeper.core.model.Provider;
import io.watchkeeper.core.model.WatchkeeperException;
import io.watchkeeper.core.secret.SecretKind;
import io.watchkeeper.core.secret.SecretVault;
import io.watchkeeper.core.watch.CloudSession;
import io.watchkeeper.core.watch.SessionFactory;
import io.watchkeeper.core.watch.WatchScope;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Clock;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.kohsuke.github.connector.GitHubConnector;
import org.kohsuke.github.extras.HttpClientGitHubConnector;
import tools.jackson.databind.JsonNode;

/**
 * Opens GitHub sessions. An account is an organisation reached through a GitHub App installation
 * (recommended: JWT, then installation tokens refreshed before expiry) or a personal access token;
 * the App key or token is opened from the {@link SecretVault} only here. Every session proves the
 * organisation's identity first: {@code GET /orgs/{org}} must answer the registered login and,
 * once known, the registered stable id (and an App's installation must be on that organisation),
 * otherwise nothing is read or written. One HTTP client is shared; each session has its own
 * connector chain (conditional requests over rate-limit accounting and back-off).
 */
public final class GitHubSessionFactory implements SessionFactory, AutoCloseable {

    private final GitHubAccessStore accessStore;
    private final SecretVault secrets;
    private final EtagCache cache;
    private final GitHubSettings settings;
    private final Clock clock;
    private final HttpClient http;
    private final GitHubConnector httpConnector;
    private final Map<String, AppInstallation> installations = new ConcurrentHashMap<>();
    private final Map<Long, CallUsage.Snapshot> lastUsage = new ConcurrentHashMap<>();

    public GitHubSessionFactory(GitHubAccessStore accessStore, SecretVault secrets, EtagCache cache,
                                GitHubSettings settings, Clock clock) {
        this.accessStore = Objects.requireNonNull(accessStore, "accessStore");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.cache = Objects.requireNonNull(cache, "cache");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        // the default proxy selector honours https.proxyHost (tests run behind a dead proxy)
        this.http = HttpClient.newBuilder().proxy(ProxySelector.getDefault())
                .connectTimeout(java.time.Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.httpConnector = new HttpClientGitHubConnector(http);
    }

    @Override
    public Provider provider() {
        return Provider.GITHUB;
    }

    @Override
    public GitHubSession open(Account account) {
        if (account.thirdParty()) {
            throw new WatchkeeperException(ErrorCategory.INVALID_INPUT, "account " + account.name() + " ("
                    + account.externalId() + ") is a third-party account: reference data for the auditors, never opened");
        }
        if (account.provider() != Provider.GITHUB) {
            throw new WatchkeeperException(ErrorCategory.INVALID_INPUT, account.name() + " is not a GitHub account");
        }
        GitHubAccess access = accessStore.find(account.id()).orElseThrow(() -> new WatchkeeperException(
                ErrorCategory.DENIED, "no GitHub access is recorded for account " + account.name()
                + "; add it again with --token-file or --app-id/--app-key"));
        URI endpoint = URI.create(access.endpoint());
        cache.forgetOlderThan(account.id(), clock.instant().minus(settings.cacheLifetime()));
        CallUsage usage = new CallUsage();
        GitHubConnector connector = new ConditionalConnector(
                new LimitingConnector(httpConnector, endpoint, usage, settings, clock), cache, account.id(), clock);
        AppInstallation installation = null;
        Supplier<String> authorization;
        SecretVault.Secret secret = secrets.open(account.id());
        if (secret == null) {
            throw new WatchkeeperException(ErrorCategory.DENIED, "no token or App key is stored for account "
                    + account.name() + "; add it again with --token-file or --app-key");
        }
        try {
            if (access.auth() == GitHubAccess.Auth.TOKEN) {
                String token = token(secret, account);
                authorization = () -> "Bearer " + token;
            } else {
                installation = installation(account, access, secret);
                authorization = installation::authorization;
            }
        } finally {
            secret.wipe();
        }
        GitHubApi api = new GitHubApi(connector, endpoint, authorization, settings, cache, account.id(), clock);
        JsonNode organization = proveIdentity(account, access, api, installation);
        return new GitHubSession(account, organization, api, connector, access.endpoint(), authorization, installation,
                usage, snapshot -> lastUsage.put(account.id(), snapshot), settings);
    }

    /** Organisation-wide types only: one scope per account. */
    @Override
    public List<String> regions(CloudSession session) {
        return List.of(WatchScope.GLOBAL);
    }

    /**
     * Forgets the account's App installation and token kept between sessions, so that the next session
     * reads the installation (and its permissions) afresh ({@code accounts test}).
     */
    public void forget(long accountId) {
        installations.keySet().removeIf(k -> k.startsWith(accountId + "|"));
    }

    /** What the last closed session of the account spent (benchmarks, {@code accounts test}). */
    public Optional<CallUsage.Snapshot> lastUsage(long accountId) {
        return Optional.ofNullable(lastUsage.get(accountId));
    }

    /** The installations of App {@code appId} (its key, PEM), for {@code accounts discover github}. */
    public List<GitHubInstallation> installations(long appId, byte[] keyPem, String endpoint) {
        PrivateKey key = AppKey.parse(keyPem);
        URI uri = URI.create(new GitHubAccess(GitHubAccess.Auth.APP, appId, null, endpoint, null).endpoint());
        GitHubConnector connector = new LimitingConnector(httpConnector, uri, new CallUsage(), settings, clock);
        return AppInstallation.all(AppInstallation.asApp(new AppJwt(appId, key, clock), uri.toString(), connector));
    }

    private static String token(SecretVault.Secret secret, Account account) {
        if (secret.kind() != SecretKind.GITHUB_TOKEN) {
            throw new WatchkeeperException(ErrorCategory.DENIED, "account " + account.name()
                    + " is set up for a token but holds a " + secret.kind().id());
        }
        byte[] value = secret.value();
        try {
            String token = new String(value, StandardCharsets.US_ASCII).strip();
            if (!token.matches("[\\x21-\\x7e]{8,512}")) {
                throw new WatchkeeperException(ErrorCategory.DENIED, "the stored token of " + account.name()
                        + " is not a token");
            }
            return token;
        } finally {
            Arrays.fill(value, (byte) 0);
        }
    }

    /**
     * The App installation for the account, kept between sessions (with its token) as long as the
     * App, installation, endpoint and key stay the same.
     */
    private AppInstallation installation(Account account, GitHubAccess access, SecretVault.Secret secret) {
        if (secret.kind() != SecretKind.GITHUB_APP_KEY) {
            throw new WatchkeeperException(ErrorCategory.DENIED, "account " + account.name()
                    + " is set up for a GitHub App but holds a " + secret.kind().id());
        }
        byte[] pem = secret.value();
        try {
            String cacheKey = account.id() + "|" + access.appId() + "|" + access.installationId() + "|"
                    + access.endpoint() + "|" + account.externalId() + "|" + sha256(pem);
            AppInstallation known = installations.get(cacheKey);
            if (known != null) {
                return known;
            }
            installations.keySet().removeIf(k -> k.startsWith(account.id() + "|"));
            URI endpoint = URI.create(access.endpoint());
            GitHubConnector appConnector = new ConditionalConnector(
                    new LimitingConnector(httpConnector, endpoint, new CallUsage(), settings, clock), cache, account.id(),
                    clock);
            AppJwt jwt = new AppJwt(access.appId(), AppKey.parse(pem), clock);
            AppInstallation found = AppInstallation.find(AppInstallation.asApp(jwt, access.endpoint(), appConnector),
                    access.appId(), account.externalId(), access.installationId(), clock, settings.tokenRefreshMargin());
            installations.put(cacheKey, found);
            return found;
        } catch (io.watchkeeper.core.model.InvalidInputException e) {
            throw new WatchkeeperException(ErrorCategory.DENIED, "the stored App key of " + account.name()
                    + " cannot be used: " + e.getMessage());
        } finally {
            Arrays.fill(pem, (byte) 0);
        }
    }

    private JsonNode proveIdentity(Account account, GitHubAccess access, GitHubApi api, AppInstallation installation) {
        GitHubApi.Answer answer = api.answer("/orgs/" + GitHubApi.segment(account.externalId()));
        if (!answer.ok()) {
            WatchkeeperException failure = answer.failure("checking the identity of organisation "
                    + account.externalId() + " (account " + account.name() + ")");
            throw answer.status() == 404
                    ? new WatchkeeperException(ErrorCategory.DENIED, failure.getMessage()
                            + "; the organisation does not exist or these credentials do not reach it")
                    : failure;
        }
        JsonNode org = answer.body();
        String login = org.path("login").asString("");
        long id = org.path("id").asLong(-1);
        String via = installation == null ? "a token" : "App " + access.appId() + " installation "
                + installation.describe().id();
        if (!login.equalsIgnoreCase(account.externalId()) || id <= 0) {
            throw mismatch(account, "organisation '" + account.externalId() + "'", "'" + login + "'", via);
        }
        if (access.organizationId() != null && access.organizationId() != id) {
            throw mismatch(account, "organisation id " + access.organizationId(), "id " + id + " ('" + login + "')", via);
        }
        if (installation != null && installation.accountId() != id) {
            throw mismatch(account, "organisation id " + id, "an installation on account id " + installation.accountId(),
                    via);
        }
        if (access.organizationId() == null) {
            accessStore.recordOrganizationId(account.id(), id);
        }
        return org;
    }

    private static WatchkeeperException mismatch(Account account, String registered, String reached, String via) {
        return new WatchkeeperException(ErrorCategory.DENIED, "identity mismatch: registered " + registered
                + ", reached " + reached + " (account " + account.name() + ", through " + via
                + "); nothing is read or written until the account is corrected");
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        http.close();
    }
}
