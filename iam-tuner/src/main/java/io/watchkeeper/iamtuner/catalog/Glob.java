package io.watchkeeper.iamtuner.catalog;

/**
 * IAM wildcard matching: {@code *} any run of characters, {@code ?} one character, case-insensitive
 * (actions are case-insensitive; resources are matched the same way here, which only ever makes the
 * proofs stricter since both the old and the new policies are evaluated alike).
 */
public final class Glob {

    private Glob() {}

    /** Whether {@code pattern} matches all of {@code text}. */
    public static boolean matches(String pattern, String text) {
        int p = 0;
        int t = 0;
        int star = -1;
        int mark = 0;
        int pl = pattern.length();
        int tl = text.length();
        while (t < tl) {
            if (p < pl) {
                char pc = pattern.charAt(p);
                if (pc == '*') {
                    star = p++;
                    mark = t;
                    continue;
                }
                if (pc == '?' || same(pc, text.charAt(t))) {
                    p++;
                    t++;
                    continue;
                }
            }
            if (star < 0) {
                return false;
            }
            p = star + 1;
            t = ++mark;
        }
        while (p < pl && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pl;
    }

    /** Whether {@code s} contains a wildcard. */
    public static boolean hasWildcard(String s) {
        return s.indexOf('*') >= 0 || s.indexOf('?') >= 0;
    }

    /**
     * Whether every string {@code narrow} matches is also matched by {@code wide} — decided only for
     * the shapes that are certain: identical patterns (ignoring case), {@code wide} = {@code *}, or
     * {@code wide} = literal prefix + {@code *} with {@code narrow} starting with that prefix. Anything
     * else answers false (not proven), which callers treat as "may widen".
     */
    public static boolean covers(String wide, String narrow) {
        if (wide.equalsIgnoreCase(narrow)) {
            return true;
        }
        int star = wide.indexOf('*');
        if (star != wide.length() - 1 || wide.indexOf('?') >= 0) {
            return !hasWildcard(narrow) && matches(wide, narrow);
        }
        String prefix = wide.substring(0, star);
        return narrow.regionMatches(true, 0, prefix, 0, prefix.length());
    }

    /**
     * Whether no string matches both patterns — again only where certain: different literal service
     * prefixes, or literal prefixes (before the first wildcard) that diverge. False means "may overlap".
     */
    public static boolean disjoint(String a, String b) {
        int n = Math.min(literalPrefix(a), literalPrefix(b));
        for (int i = 0; i < n; i++) {
            if (!same(a.charAt(i), b.charAt(i))) {
                return true;
            }
        }
        // one literal prefix is a prefix of the other: overlap unless both are literal and differ
        return !hasWildcard(a) && !hasWildcard(b) && !a.equalsIgnoreCase(b);
    }

    private static int literalPrefix(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '*' || c == '?') {
                return i;
            }
        }
        return s.length();
    }

    private static boolean same(char a, char b) {
        if (a == b) {
            return true;
        }
        if (a < 128 && b < 128) {
            return (a | 0x20) == (b | 0x20) && Character.isLetter(a);
        }
        return Character.toLowerCase(a) == Character.toLowerCase(b);
    }
}
