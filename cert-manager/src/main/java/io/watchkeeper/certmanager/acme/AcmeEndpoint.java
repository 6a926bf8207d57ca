package io.watchkeeper.certmanager.acme;

import io.watchkeeper.core.model.InvalidInputException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Checks a user-supplied ACME directory URL before anything contacts it (SSRF): https only, a host
 * and no user information, and a name that resolves only to public addresses (unless the authority
 * allows internal ones). This is the early, friendly check; the binding one runs again on every
 * connection ({@link AcmeAddressGuard}).
 */
public final class AcmeEndpoint {

    private AcmeEndpoint() {}

    public static URI check(String url, boolean allowInternal) {
        return check(url, AcmeAddressGuard.Network.SYSTEM.guard(allowInternal));
    }

    public static URI check(String url, AcmeAddressGuard guard) {
        if (url == null || url.isBlank() || url.length() > 2048) {
            throw new InvalidInputException("an ACME directory URL is required (at most 2048 characters)");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new InvalidInputException("the ACME directory URL is malformed");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https")) {
            throw new InvalidInputException("the ACME directory must be an https:// URL");
        }
        if (uri.getHost() == null || uri.getUserInfo() != null) {
            throw new InvalidInputException("the ACME directory URL needs a host and no user information");
        }
        try {
            guard.resolve(uri.getHost());
        } catch (AcmeAddressGuard.RefusedAddressException e) {
            throw new InvalidInputException(e.getMessage());
        } catch (UnknownHostException e) {
            throw new InvalidInputException("the ACME directory host does not resolve: " + uri.getHost());
        }
        return uri;
    }
}
