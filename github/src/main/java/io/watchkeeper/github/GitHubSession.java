package io.watchkeeper.github;

import io.watchkeeper.core.model.Account;
import io.watchkeeper.core.watch.CloudSession;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.kohsuke.github.GitHub;
import org.kohsuke.github.GitHubAbuseLimitHandler;
import org.kohsuke.github.GitHubBuilder;
import org.kohsuke.github.GitHubRateLimitHandler;
import org.kohsuke.github.connector.GitHubConnector;
import tools.jackson.databind.JsonNode;

/**
 * Access to one GitHub organisation whose identity was proven when it opened: the REST API as JSON
 * ({@link #api()}), hub4j authenticated the same way ({@link #client()}, for writes), and what the
 * session spent ({@link #usage()}).
 */
public final class GitHubSession implements CloudSession {

    private final Account account;
    private final JsonNode organization;
    private final GitHubApi api;
    private final GitHubConnector connector;
    private final String endpoint;
    private final Supplier<String> authorization;
    private final AppInstallation installation;
    private final CallUsage usage;
    private final Consumer<CallUsage.Snapshot> onClose;
    private final GitHubSettings settings;
    private GitHub client;

    GitHubSession(Account account, JsonNode organization, GitHubApi api, GitHubConnector connector, String endpoint,
                  Supplier<String> authorization, AppInstallation installation, CallUsage usage,
                  Consumer<CallUsage.Snapshot> onClose, GitHubSettings settings) {
        this.account = Objects.requireNonNull(account, "account");
        this.organization = Objects.requireNonNull(organization, "organization");
        this.api = api;
        this.connector = connector;
        this.endpoint = endpoint;
        this.authorization = authorization;
        this.installation = installation;
        this.usage = usage;
        this.onClose = onClose;
        this.settings = settings;
    }

    @Override
    public Account account() {
        return account;
    }

    /** The organisation's login as GitHub spells it. */
    public String organization() {
        return organization.path("login").asString();
    }

    /** The organisation's stable id. */
    public long organizationId() {
        return organization.path("id").asLong();
    }

    /** {@code GET /orgs/{org}} as read when the session proved the organisation's identity. */
    public JsonNode organizationJson() {
        return organization;
    }

    /** The settings the session works with (how long answers without a validator are remembered...). */
    public GitHubSettings settings() {
        return settings;
    }

    public GitHubApi api() {
        return api;
    }

    /** The App installation the session works through; empty for token authentication. */
    public Optional<GitHubInstallation> installation() {
        return Optional.ofNullable(installation).map(AppInstallation::describe);
    }

    /** hub4j, authenticated like the session and sending through the same connector. */
    public synchronized GitHub client() {
        if (client == null) {
            try {
                client = new GitHubBuilder().withEndpoint(endpoint).withConnector(connector)
                        .withAuthorizationProvider(authorization::get)
                        .withRateLimitHandler(GitHubRateLimitHandler.FAIL)
                        .withAbuseLimitHandler(GitHubAbuseLimitHandler.FAIL)
                        .build();
            } catch (IOException e) {
                throw AppInstallation.translate("connecting to GitHub", e);
            }
        }
        return client;
    }

    /**
     * The current installation token or personal token, for git over HTTPS ({@code x-access-token} as the
     * user name); never log or store it.
     */
    public String gitPassword() {
        String header = authorization.get();
        int space = header.indexOf(' ');
        return space < 0 ? header : header.substring(space + 1);
    }

    public CallUsage.Snapshot usage() {
        return usage.snapshot();
    }

    @Override
    public void close() {
        onClose.accept(usage.snapshot());
    }
}
