package io.watchkeeper.github;

import io.watchkeeper.core.model.ErrorCategory;
import io.watchkeeper.core.model.WatchkeeperException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import java.util.TreeMap;
import org.kohsuke.github.GHAppInstallation;
import org.kohsuke.github.GHAppInstallationToken;
import org.kohsuke.github.GHPermissionType;
import org.kohsuke.github.GitHub;
import org.kohsuke.github.GitHubAbuseLimitHandler;
import org.kohsuke.github.GitHubBuilder;
import org.kohsuke.github.GitHubRateLimitHandler;
import org.kohsuke.github.HttpException;
import org.kohsuke.github.connector.GitHubConnector;

/**
 * A GitHub App's installation in one organisation, through hub4j: the App authenticates with a JWT,
 * finds its installation (by id, or by organisation), and obtains installation tokens, replaced
 * before they expire (within {@link GitHubSettings#tokenRefreshMargin()}).
 */
final class AppInstallation {

    private final GHAppInstallation installation;
    private final Clock clock;
    private final Duration margin;
    private String token;
    private Instant expiresAt;

    private AppInstallation(GHAppInstallation installation, Clock clock, Duration margin) {
        this.installation = installation;
        this.clock = clock;
        this.margin = margin;
    }

    /** hub4j authenticated as the App (a fresh JWT per request). */
    static GitHub asApp(AppJwt jwt, String endpoint, GitHubConnector connector) {
        try {
            return new GitHubBuilder().withEndpoint(endpoint).withConnector(connector)
                    .withAuthorizationProvider(() -> "Bearer " + jwt.create())
                    .withRateLimitHandler(GitHubRateLimitHandler.FAIL)
                    .withAbuseLimitHandler(GitHubAbuseLimitHandler.FAIL)
                    .build();
        } catch (IOException e) {
            throw translate("connecting to GitHub as App " + jwt.appId(), e);
        }
    }

    /**
     * The App's installation on {@code organization}: the given one, which must be installed there, or
     * the one GitHub names for the organisation.
     */
    static AppInstallation find(GitHub asApp, long appId, String organization, Long installationId, Clock clock,
                                Duration margin) {
        GHAppInstallation found;
        try {
            found = installationId != null ? asApp.getApp().getInstallationById(installationId)
                    : asApp.getApp().getInstallationByOrganization(organization);
        } catch (IOException e) {
            throw translate("finding the installation of App " + appId + " on " + organization
                    + (installationId == null ? "" : " (installation " + installationId + ")"), e);
        }
        String login = found.getAccount() == null ? null : found.getAccount().getLogin();
        if (login == null || !login.equalsIgnoreCase(organization)) {
            throw new WatchkeeperException(ErrorCategory.DENIED, "identity mismatch: installation " + found.getId()
                    + " of App " + appId + " is on '" + login + "', not on the registered organisation '" + organization
                    + "'; nothing is read or written until the installation id or the organisation is corrected");
        }
        return new AppInstallation(found, clock, margin);
    }

    /** Every installation of the App (its JWT), for discovery. */
    static List<GitHubInstallation> all(GitHub asApp) {
        List<GitHubInstallation> out = new ArrayList<>();
        try {
            for (GHAppInstallation i : asApp.getApp().listInstallations().withPageSize(100)) {
                out.add(describe(i));
            }
        } catch (IOException | RuntimeException e) {
            throw translate("listing the App's installations", e);
        }
        return out;
    }

    GitHubInstallation describe() {
        return describe(installation);
    }

    long accountId() {
        return installation.getAccount().getId();
    }

    /** An {@code Authorization} header value with a token valid beyond the refresh margin. */
    synchronized String authorization() {
        if (token == null || !clock.instant().plus(margin).isBefore(expiresAt)) {
            refresh();
        }
        return "Bearer " + token;
    }

    private void refresh() {
        try {
            GHAppInstallationToken created = installation.createToken().create();
            java.util.Date expires = created.getExpiresAt();
            String value = created.getToken();
            if (value == null || !value.matches("[\\x21-\\x7e]{8,512}") || expires == null) {
                throw new WatchkeeperException(ErrorCategory.INVALID_RESPONSE,
                        "GitHub answered an installation token without a usable value or expiry");
            }
            token = value;
            expiresAt = expires.toInstant();
        } catch (IOException e) {
            throw translate("creating an installation token for installation " + installation.getId(), e);
        }
    }

    private static GitHubInstallation describe(GHAppInstallation i) {
        Map<String, String> permissions = new TreeMap<>();
        Map<String, GHPermissionType> given = i.getPermissions();
        if (given != null) {
            given.forEach((name, level) -> permissions.put(name, level == null ? "unknown"
                    : level.name().toLowerCase(Locale.ROOT)));
        }
        return new GitHubInstallation(i.getId(), i.getAccount() == null ? "" : i.getAccount().getLogin(),
                i.getAccount() == null ? 0 : i.getAccount().getId(),
                i.getTargetType() == null ? "" : i.getTargetType().name(),
                i.getRepositorySelection() == null ? "" : i.getRepositorySelection().name().toLowerCase(Locale.ROOT),
                permissions);
    }

    static WatchkeeperException translate(String doing, Exception e) {
        if (e instanceof WatchkeeperException w) {
            return w;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof WatchkeeperException w) {
                return w;
            }
            if (t instanceof HttpException http && http.getResponseCode() > 0) {
                return GitHubErrors.failure(doing, http.getResponseCode(), messageOf(http));
            }
        }
        return new WatchkeeperException(ErrorCategory.UNAVAILABLE, doing + ": " + e.getClass().getSimpleName());
    }

    private static String messageOf(HttpException e) {
        String text = e.getMessage() == null ? "" : e.getMessage();
        int at = text.indexOf("\"message\"");
        if (at >= 0) {
            int start = text.indexOf('"', text.indexOf(':', at) + 1);
            int end = start < 0 ? -1 : text.indexOf('"', start + 1);
            if (start >= 0 && end > start) {
                return text.substring(start + 1, end);
            }
        }
        return "";
    }

}
