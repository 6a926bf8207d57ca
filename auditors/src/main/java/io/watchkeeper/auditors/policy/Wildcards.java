package io.watchkeeper.auditors.policy;

import java.util.Locale;

/** IAM-style wildcard matching: {@code *} any run of characters, {@code ?} one; case-insensitive. */
public final class Wildcards {

    private Wildcards() {}

    public static boolean matches(String pattern, String value) {
        if (pattern == null || value == null) {
            return false;
        }
        return match(pattern.toLowerCase(Locale.ROOT), 0, value.toLowerCase(Locale.ROOT), 0);
    }

    private static boolean match(String p, int pi, String v, int vi) {
        int starP = -1;
        int starV = 0;
        while (vi < v.length()) {
            if (pi < p.length() && (p.charAt(pi) == '?' || p.charAt(pi) == v.charAt(vi))) {
                pi++;
                vi++;
            } else if (pi < p.length() && p.charAt(pi) == '*') {
                starP = pi++;
                starV = vi;
            } else if (starP >= 0) {
                pi = starP + 1;
                vi = ++starV;
            } else {
                return false;
            }
        }
        while (pi < p.length() && p.charAt(pi) == '*') {
            pi++;
        }
        return pi == p.length();
    }
}
