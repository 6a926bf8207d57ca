package io.watchkeeper.core.cert;

import io.watchkeeper.core.model.InvalidInputException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What an authority may issue. Checked on every request before anything is signed or stored.
 *
 * @param maxValidity longest lifetime of a certificate it issues
 * @param defaultValidity lifetime when the request names none (at most {@code maxValidity})
 * @param allowedDomains domains whose names (the domain itself and every subdomain) it may certify;
 *        empty means any name
 * @param wildcardsAllowed whether {@code *.domain} names may be certified
 * @param ipAddressesAllowed whether IP address SANs may be certified
 * @param allowedKeyTypes key types a leaf may have; empty means every {@link KeyType}
 * @param crlUrl the CRL distribution point written into issued certificates (http or https), or null
 */
public record AuthorityPolicy(
        Duration maxValidity,
        Duration defaultValidity,
        List<String> allowedDomains,
        boolean wildcardsAllowed,
        boolean ipAddressesAllowed,
        Set<KeyType> allowedKeyTypes,
        String crlUrl) {

    public static final Duration MAX_VALIDITY = Duration.ofDays(3650);
    public static final int MAX_DOMAINS = 1000;
    public static final int MAX_URL_LENGTH = 2048;

    public AuthorityPolicy {
        maxValidity = maxValidity == null ? Duration.ofDays(90) : maxValidity;
        defaultValidity = defaultValidity == null ? min(Duration.ofDays(90), maxValidity) : defaultValidity;
        if (maxValidity.compareTo(Duration.ofMinutes(5)) < 0 || maxValidity.compareTo(MAX_VALIDITY) > 0) {
            throw new InvalidInputException("max validity must be between 5 minutes and 3650 days");
        }
        if (defaultValidity.isNegative() || defaultValidity.isZero() || defaultValidity.compareTo(maxValidity) > 0) {
            throw new InvalidInputException("default validity must be positive and at most the max validity ("
                    + maxValidity.toDays() + " days)");
        }
        List<String> domains = allowedDomains == null ? List.of() : allowedDomains;
        if (domains.size() > MAX_DOMAINS) {
            throw new InvalidInputException("at most " + MAX_DOMAINS + " allowed domains");
        }
        allowedDomains = domains.stream().map(d -> {
            String n = DnsNames.normalize(d);
            if (DnsNames.isWildcard(n)) {
                throw new InvalidInputException("allowed domain '" + DnsNames.printable(d)
                        + "' must not be a wildcard: a domain allows itself and its subdomains");
            }
            return n;
        }).distinct().sorted().toList();
        allowedKeyTypes = allowedKeyTypes == null || allowedKeyTypes.isEmpty()
                ? Set.of() : Set.copyOf(EnumSet.copyOf(allowedKeyTypes));
        if (crlUrl != null) {
            crlUrl = checkUrl(crlUrl);
        }
    }

    /** No domain limits, no wildcards, no IP addresses, 90-day certificates. */
    public static AuthorityPolicy defaults() {
        return new AuthorityPolicy(null, null, List.of(), false, false, Set.of(), null);
    }

    public boolean allowsKeyType(KeyType type) {
        return allowedKeyTypes.isEmpty() || allowedKeyTypes.contains(type);
    }

    /** The allowed key types for messages ({@code any} when unrestricted). */
    public String keyTypesText() {
        return allowedKeyTypes.isEmpty() ? "any" : allowedKeyTypes.stream().sorted().map(KeyType::id)
                .collect(Collectors.joining(", "));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static String checkUrl(String url) {
        if (url.length() > MAX_URL_LENGTH) {
            throw new InvalidInputException("CRL URL longer than " + MAX_URL_LENGTH + " characters");
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    || uri.getHost() == null || uri.getUserInfo() != null) {
                throw new InvalidInputException("CRL URL '" + DnsNames.printable(url)
                        + "' must be http:// or https:// with a host and no user information");
            }
            return uri.toASCIIString();
        } catch (URISyntaxException e) {
            throw new InvalidInputException("malformed CRL URL '" + DnsNames.printable(url) + "'");
        }
    }
}
