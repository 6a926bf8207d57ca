package io.watchkeeper.auditors.aws.cloudtrail;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * CloudWatch Logs JSON filter patterns ({@code { ($.eventName = CreateTrail) || ... }}) reduced to a
 * canonical form, so two patterns that differ only in whitespace, quoting, redundant parentheses or
 * the order of the terms of an {@code &&} or {@code ||} compare equal. {@code &&} binds tighter than
 * {@code ||}. Anything that is not a JSON pattern of comparisons (text patterns, malformed input,
 * more than 4,096 characters or 64 levels of parentheses) has no canonical form.
 */
final class FilterPattern {

    private static final int MAX_LENGTH = 4_096;
    private static final int MAX_DEPTH = 64;

    private final String text;
    private int pos;
    private int depth;

    private FilterPattern(String text) {
        this.text = text;
    }

    /** The canonical form of {@code pattern}, or empty when it is not a JSON comparison pattern. */
    static Optional<String> canonical(String pattern) {
        if (pattern == null || pattern.length() > MAX_LENGTH || pattern.indexOf('\u0000') >= 0) {
            return Optional.empty();
        }
        String p = pattern.strip();
        if (p.length() < 2 || p.charAt(0) != '{' || p.charAt(p.length() - 1) != '}') {
            return Optional.empty();
        }
        FilterPattern parser = new FilterPattern(p.substring(1, p.length() - 1));
        try {
            String out = parser.or();
            parser.skipSpace();
            return parser.pos == parser.text.length() ? Optional.of(out) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private String or() {
        List<String> terms = new ArrayList<>();
        addFlat(terms, and(), "|");
        while (consume("||")) {
            addFlat(terms, and(), "|");
        }
        return join(terms, "|");
    }

    private String and() {
        List<String> terms = new ArrayList<>();
        addFlat(terms, unary(), "&");
        while (consume("&&")) {
            addFlat(terms, unary(), "&");
        }
        return join(terms, "&");
    }

    /** Flattens nested groups of the same operator: (a && (b && c)) is a && b && c. */
    private static void addFlat(List<String> terms, String term, String op) {
        if (term.startsWith(op + "[") && term.endsWith("]")) {
            terms.addAll(split(term.substring(2, term.length() - 1)));
        } else {
            terms.add(term);
        }
    }

    private static String join(List<String> terms, String op) {
        if (terms.size() == 1) {
            return terms.getFirst();
        }
        List<String> sorted = terms.stream().distinct().sorted().toList();
        return sorted.size() == 1 ? sorted.getFirst() : op + "[" + String.join(",", sorted) + "]";
    }

    /** Splits a group's inside at the top-level commas. */
    private static List<String> split(String inside) {
        List<String> out = new ArrayList<>();
        int level = 0;
        int start = 0;
        boolean quoted = false;
        for (int i = 0; i < inside.length(); i++) {
            char c = inside.charAt(i);
            if (c == '\u0000') {
                quoted = !quoted;
            } else if (!quoted && c == '[') {
                level++;
            } else if (!quoted && c == ']') {
                level--;
            } else if (!quoted && c == ',' && level == 0) {
                out.add(inside.substring(start, i));
                start = i + 1;
            }
        }
        out.add(inside.substring(start));
        return out;
    }

    private String unary() {
        skipSpace();
        if (consume("(")) {
            if (++depth > MAX_DEPTH) {
                throw new IllegalArgumentException("too deep");
            }
            String inner = or();
            expect(")");
            depth--;
            return inner;
        }
        return comparison();
    }

    private String comparison() {
        skipSpace();
        if (!text.startsWith("$.", pos)) {
            throw new IllegalArgumentException("selector expected at " + pos);
        }
        int start = pos;
        while (pos < text.length() && selectorChar(text.charAt(pos))) {
            pos++;
        }
        String selector = text.substring(start, pos);
        skipSpace();
        for (String keyword : List.of("NOT EXISTS", "EXISTS", "IS NULL", "NOT NULL")) {
            if (text.regionMatches(true, pos, keyword, 0, keyword.length())) {
                pos += keyword.length();
                return "\u0000" + selector + " " + keyword.toLowerCase(Locale.ROOT) + "\u0000";
            }
        }
        String op = null;
        for (String candidate : List.of("!=", "<=", ">=", "=", "<", ">")) {
            if (text.startsWith(candidate, pos)) {
                op = candidate;
                pos += candidate.length();
                break;
            }
        }
        if (op == null) {
            throw new IllegalArgumentException("operator expected at " + pos);
        }
        return "\u0000" + selector + op + value() + "\u0000";
    }

    private String value() {
        skipSpace();
        if (pos < text.length() && text.charAt(pos) == '"') {
            int end = text.indexOf('"', pos + 1);
            if (end < 0) {
                throw new IllegalArgumentException("unterminated string");
            }
            String v = text.substring(pos + 1, end);
            pos = end + 1;
            return v;
        }
        int start = pos;
        while (pos < text.length() && !Character.isWhitespace(text.charAt(pos)) && text.charAt(pos) != ')'
                && !text.startsWith("&&", pos) && !text.startsWith("||", pos)) {
            pos++;
        }
        if (start == pos) {
            throw new IllegalArgumentException("value expected at " + pos);
        }
        return text.substring(start, pos);
    }

    private static boolean selectorChar(char c) {
        return Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '$' || c == '[' || c == ']' || c == '-'
                || c == '*';
    }

    private boolean consume(String token) {
        skipSpace();
        if (text.startsWith(token, pos)) {
            pos += token.length();
            return true;
        }
        return false;
    }

    private void expect(String token) {
        if (!consume(token)) {
            throw new IllegalArgumentException("'" + token + "' expected at " + pos);
        }
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }
}
