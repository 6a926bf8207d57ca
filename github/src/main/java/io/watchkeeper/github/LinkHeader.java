package io.watchkeeper.github;

import io.watchkeeper.core.model.ErrorCategory;
import io.watchkeeper.core.model.WatchkeeperException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code rel="next"} target of a {@code Link} header (RFC 8288), only on the account's endpoint. */
final class LinkHeader {

    private static final Pattern ENTRY = Pattern.compile("<([^>]{1,2048})>\\s*((?:;\\s*[^;,]+)*)");
    private static final Pattern NEXT = Pattern.compile(";\\s*rel\\s*=\\s*\"?([^\";]*\\s)?next(\\s[^\";]*)?\"?");

    private LinkHeader() {}

    /** The next page, or null when there is none. */
    static URL next(String header, URI endpoint) {
        if (header == null || header.isBlank() || header.length() > 16_384) {
            return null;
        }
        Matcher entry = ENTRY.matcher(header);
        while (entry.find()) {
            if (NEXT.matcher(entry.group(2)).find()) {
                URI target;
                try {
                    target = new URI(entry.group(1).strip());
                } catch (java.net.URISyntaxException e) {
                    throw new WatchkeeperException(ErrorCategory.INVALID_RESPONSE, "malformed Link target");
                }
                if (!target.isAbsolute()) {
                    target = endpoint.resolve(target);
                }
                if (!LimitingConnector.sameOrigin(endpoint, target)) {
                    throw new WatchkeeperException(ErrorCategory.INVALID_RESPONSE,
                            "a Link header points away from the account's endpoint: " + target.getHost());
                }
                try {
                    return target.toURL();
                } catch (MalformedURLException | IllegalArgumentException e) {
                    throw new WatchkeeperException(ErrorCategory.INVALID_RESPONSE, "malformed Link target");
                }
            }
        }
        return null;
    }
}
