package io.watchkeeper.core.github;

import io.watchkeeper.core.model.InvalidInputException;
import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * How Watchkeeper reaches one GitHub organisation (never a secret: the App key or token is sealed
 * apart, see {@link io.watchkeeper.core.secret.AccountSecrets}).
 *
 * @param auth GitHub App (recommended) or a personal access token
 * @param appId the App's id (App mode), else null
 * @param installationId the App's installation in the organisation, or null to find it by organisation
 * @param endpoint REST API base URL ({@code https://api.github.com}, a GitHub Enterprise Server
 *     {@code https://host/api/v3}, or a loopback test server)
 * @param organizationId the organisation's stable numeric id, learned at the first successful
 *     identity check and required to match from then on; null until then
 */
public record GitHubAccess(Auth auth, Long appId, Long installationId, String endpoint, Long organizationId) {

    public static final String DEFAULT_ENDPOINT = "https://api.github.com";

    /** The two ways to authenticate. */
    public enum Auth {
        APP, TOKEN;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Auth fromId(String id) {
            return valueOf(id.toUpperCase(Locale.ROOT));
        }
    }

    public GitHubAccess {
        Objects.requireNonNull(auth, "auth");
        endpoint = endpoint == null || endpoint.isBlank() ? DEFAULT_ENDPOINT : endpoint.strip().replaceAll("/+$", "");
        if (auth == Auth.APP && (appId == null || appId <= 0)) {
            throw new InvalidInputException("a GitHub App needs its App id (--app-id, a positive number)");
        }
        if (auth == Auth.TOKEN && (appId != null || installationId != null)) {
            throw new InvalidInputException("--app-id and --installation-id belong to App authentication, not to a token");
        }
        if (installationId != null && installationId <= 0) {
            throw new InvalidInputException("invalid installation id " + installationId + ": a positive number");
        }
        checkEndpoint(endpoint);
    }

    /**
     * The endpoint must be an https URL without credentials, query or fragment; plain http only to a
     * loopback address (a test server), since the token travels with every request.
     */
    static void checkEndpoint(String endpoint) {
        URI uri;
        try {
            uri = new URI(endpoint);
        } catch (java.net.URISyntaxException e) {
            throw new InvalidInputException("invalid --endpoint '" + endpoint + "': not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost();
        if (host == null || uri.getUserInfo() != null || uri.getQuery() != null || uri.getFragment() != null
                || !(scheme.equals("https") || scheme.equals("http")) || endpoint.length() > 512) {
            throw new InvalidInputException("invalid --endpoint '" + endpoint
                    + "': expected https://host[:port][/path] (no user, query or fragment)");
        }
        boolean loopback = host.equals("127.0.0.1") || host.equals("localhost") || host.equals("[::1]");
        if (scheme.equals("http") && !loopback) {
            throw new InvalidInputException("invalid --endpoint '" + endpoint
                    + "': plain http is allowed only to a loopback test server (tokens travel with every request)");
        }
    }

    /** The same access with the organisation's stable id recorded. */
    public GitHubAccess withOrganizationId(long id) {
        return new GitHubAccess(auth, appId, installationId, endpoint, id);
    }
}
