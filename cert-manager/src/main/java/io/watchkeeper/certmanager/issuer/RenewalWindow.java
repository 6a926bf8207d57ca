package io.watchkeeper.certmanager.issuer;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * When the issuer wants a certificate renewed (ACME Renewal Information, RFC 9773): a window to
 * pick a random point in, when to ask again, and an optional explanation (e.g. a mass revocation).
 *
 * @param start earliest suggested renewal
 * @param end latest suggested renewal
 * @param retryAfter when to poll the issuer again (from its Retry-After), or null
 * @param explanation a page explaining an unusual window, or null
 */
public record RenewalWindow(Instant start, Instant end, Duration retryAfter, URI explanation) {

    public RenewalWindow {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("renewal window ends before it starts");
        }
    }
}
