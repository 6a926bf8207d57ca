package io.watchkeeper.auditors.policy;

import java.util.Locale;

/**
 * IAM-style wildcard matching: {@code *} any run of characters, {@code ?} one; case-insensitive.
 * Besides matching a pattern against a value, it compares two patterns: whether one matches every
 * value the other matches ({@link #covers}), and whether some value matches both ({@link #overlap}).
 */
public final class Wildcards {

    /** Patterns longer than this are compared by {@link #covers} / {@link #overlap} conservatively. */
    static final int MAX_COMPARED = 512;

    private Wildcards() {}

    public static boolean matches(String pattern, String value) {
        if (pattern == null || value == null) {
            return false;
        }
        return match(pattern.toLowerCase(Locale.ROOT), 0, value.toLowerCase(Locale.ROOT), 0);
    }

    /** Whether the pattern is only wildcards ({@code *}, {@code ?*}…), so it matches (nearly) anything. */
    public static boolean onlyWildcards(String pattern) {
        if (pattern == null || pattern.isEmpty()) {
            return false;
        }
        for (int i = 0; i < pattern.length(); i++) {
            if (pattern.charAt(i) != '*' && pattern.charAt(i) != '?') {
                return false;
            }
        }
        return pattern.indexOf('*') >= 0;
    }

    public static boolean hasWildcard(String pattern) {
        return pattern != null && (pattern.indexOf('*') >= 0 || pattern.indexOf('?') >= 0);
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

    /**
     * Whether {@code wide} matches every value {@code narrow} matches (so a Deny for {@code wide} takes
     * away all of an Allow for {@code narrow}). Sound: a {@code *} of {@code narrow} is only covered by a
     * {@code *} of {@code wide}, a {@code ?} by a wildcard. Over-long patterns: covered only when equal.
     */
    public static boolean covers(String wide, String narrow) {
        if (wide == null || narrow == null) {
            return false;
        }
        String w = wide.toLowerCase(Locale.ROOT);
        String n = narrow.toLowerCase(Locale.ROOT);
        if (w.equals(n) || onlyStars(w)) {
            return true;
        }
        if (w.length() > MAX_COMPARED || n.length() > MAX_COMPARED) {
            return false;
        }
        Boolean[][] memo = new Boolean[w.length() + 1][n.length() + 1];
        return covers(w, 0, n, 0, memo);
    }

    private static boolean covers(String w, int i, String n, int j, Boolean[][] memo) {
        if (memo[i][j] != null) {
            return memo[i][j];
        }
        boolean result;
        if (i == w.length()) {
            result = j == n.length();
        } else if (w.charAt(i) == '*') {
            // the star matches nothing more, or swallows one more character (or wildcard) of narrow
            result = covers(w, i + 1, n, j, memo) || j < n.length() && covers(w, i, n, j + 1, memo);
        } else if (j == n.length()) {
            result = false;
        } else {
            char a = w.charAt(i);
            char b = n.charAt(j);
            boolean one = a == '?' ? b != '*' : b != '*' && b != '?' && a == b;
            result = one && covers(w, i + 1, n, j + 1, memo);
        }
        memo[i][j] = result;
        return result;
    }

    /**
     * Whether some value matches both patterns. Over-long patterns are assumed to overlap (the
     * conservative answer wherever this decides that a Deny does not apply).
     */
    public static boolean overlap(String p, String q) {
        if (p == null || q == null) {
            return false;
        }
        String a = p.toLowerCase(Locale.ROOT);
        String b = q.toLowerCase(Locale.ROOT);
        if (a.length() > MAX_COMPARED || b.length() > MAX_COMPARED) {
            return true;
        }
        Boolean[][] memo = new Boolean[a.length() + 1][b.length() + 1];
        return overlap(a, 0, b, 0, memo);
    }

    private static boolean overlap(String a, int i, String b, int j, Boolean[][] memo) {
        if (memo[i][j] != null) {
            return memo[i][j];
        }
        boolean result;
        if (i < a.length() && a.charAt(i) == '*') {
            result = overlap(a, i + 1, b, j, memo) || j < b.length() && overlap(a, i, b, j + 1, memo);
        } else if (j < b.length() && b.charAt(j) == '*') {
            result = overlap(a, i, b, j + 1, memo) || i < a.length() && overlap(a, i + 1, b, j, memo);
        } else if (i == a.length() || j == b.length()) {
            result = i == a.length() && j == b.length();
        } else {
            char x = a.charAt(i);
            char y = b.charAt(j);
            result = (x == '?' || y == '?' || x == y) && overlap(a, i + 1, b, j + 1, memo);
        }
        memo[i][j] = result;
        return result;
    }

    private static boolean onlyStars(String pattern) {
        if (pattern.isEmpty()) {
            return false;
        }
        for (int i = 0; i < pattern.length(); i++) {
            if (pattern.charAt(i) != '*') {
                return false;
            }
        }
        return true;
    }
}
