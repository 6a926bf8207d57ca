package io.watchkeeper.core.cert;

import io.watchkeeper.core.model.InvalidInputException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * DNS names as certificates carry them: ASCII (internationalised names in their {@code xn--}
 * form), at most 253 characters, labels of 1-63 letters, digits and inner hyphens; a wildcard only
 * as the whole leftmost label of a name with at least two more labels ({@code *.example.com}).
 */
public final class DnsNames {

    public static final int MAX_LENGTH = 253;
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    private DnsNames() {}

    /** {@code name} lower-cased and checked, or an {@link InvalidInputException} saying what is wrong. */
    public static String normalize(String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("empty DNS name");
        }
        if (name.length() > MAX_LENGTH) {
            throw new InvalidInputException("DNS name longer than " + MAX_LENGTH + " characters");
        }
        String n = name.toLowerCase(Locale.ROOT);
        if (n.endsWith(".")) {
            n = n.substring(0, n.length() - 1);
        }
        String[] labels = n.split("\\.", -1);
        for (int i = 0; i < labels.length; i++) {
            String label = labels[i];
            if (i == 0 && label.equals("*")) {
                if (labels.length < 3) {
                    throw new InvalidInputException("invalid wildcard '" + printable(name)
                            + "': a wildcard needs at least two labels after it (*.example.com)");
                }
                continue;
            }
            if (!LABEL.matcher(label).matches()) {
                throw new InvalidInputException("invalid DNS name '" + printable(name) + "': label '" + printable(label)
                        + "' must be 1-63 letters, digits or inner hyphens (use the xn-- form for other scripts)");
            }
        }
        if (labels[labels.length - 1].chars().allMatch(Character::isDigit)) {
            throw new InvalidInputException("invalid DNS name '" + printable(name) + "': the last label is numeric");
        }
        return n;
    }

    public static boolean isWildcard(String name) {
        return name.startsWith("*.");
    }

    /** Whether {@code name} is {@code domain} or one of its subdomains (both normalized). */
    public static boolean within(String name, String domain) {
        return name.equals(domain) || name.endsWith("." + domain);
    }

    /** At most 80 characters of {@code s} with control characters replaced, for error messages. */
    public static String printable(String s) {
        String cut = s.length() > 80 ? s.substring(0, 80) + "…" : s;
        StringBuilder sb = new StringBuilder(cut.length());
        cut.codePoints().forEach(cp -> sb.appendCodePoint(cp < 0x20 || (cp >= 0x7f && cp < 0xa0) ? '?' : cp));
        return sb.toString();
    }
}
