package io.watchkeeper.certmanager.acme;

import io.watchkeeper.core.model.InvalidInputException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Checks a user-supplied ACME directory URL before anything contacts it (SSRF): https only, a host
 * name or address that resolves only to public addresses — loopback, private (RFC 1918), link-local
 * (cloud metadata), unique-local, multicast and unspecified addresses are refused unless the
 * authority is explicitly allowed on internal addresses (a private or test CA).
 */
public final class AcmeEndpoint {

    private AcmeEndpoint() {}

    public static URI check(String url, boolean allowInternal) {
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
        if (!allowInternal) {
            InetAddress[] addresses;
            try {
                addresses = InetAddress.getAllByName(uri.getHost());
            } catch (UnknownHostException e) {
                throw new InvalidInputException("the ACME directory host does not resolve: " + uri.getHost());
            }
            for (InetAddress a : addresses) {
                if (internal(a)) {
                    throw new InvalidInputException("the ACME directory resolves to an internal address ("
                            + a.getHostAddress() + "); allow internal addresses for this authority if that is intended");
                }
            }
        }
        return uri;
    }

    static boolean internal(InetAddress a) {
        if (a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress() || a.isAnyLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet6Address) {
            return (b[0] & 0xfe) == 0xfc; // fc00::/7 unique local
        }
        return (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64   // 100.64.0.0/10 carrier-grade NAT
                || (b[0] & 0xff) == 0;                        // 0.0.0.0/8
    }
}
