package io.watchkeeper.certmanager.x509;

import io.watchkeeper.core.cert.DnsNames;
import io.watchkeeper.core.model.InvalidInputException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** IP address literals, checked without any name lookup. */
public final class IpAddresses {

    private static final Pattern V4 = Pattern.compile(
            "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern V6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private IpAddresses() {}

    /** Whether {@code text} looks like an IP literal (so it is not taken for a DNS name). */
    public static boolean looksLikeIp(String text) {
        return V4.matcher(text).matches() || (text.contains(":") && V6.matcher(text).matches());
    }

    /** The address {@code text} denotes, or an {@link InvalidInputException}; never resolves names. */
    public static InetAddress parse(String text) {
        if (text != null && (V4.matcher(text).matches() || (text.contains(":") && V6.matcher(text).matches()))) {
            try {
                return InetAddress.getByName(text); // a literal: no lookup
            } catch (UnknownHostException e) {
                // fall through
            }
        }
        throw new InvalidInputException("invalid IP address '" + (text == null ? "" : DnsNames.printable(text)) + "'");
    }
}
