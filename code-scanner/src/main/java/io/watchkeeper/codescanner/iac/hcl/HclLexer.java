package io.watchkeeper.codescanner.iac.hcl;

import java.util.ArrayList;
import java.util.List;

/**
 * Tokens of HCL2 native syntax: identifiers, numbers, quoted templates, heredocs, operators,
 * newlines. Comments ({@code #}, {@code //}, block comments) are dropped. Templates keep their
 * literal parts (escapes decoded) and the source of each interpolation, which the parser parses
 * in turn. Bounded: at most {@link #MAX_TOKENS} tokens per file.
 */
final class HclLexer {

    static final int MAX_TOKENS = 2_000_000;

    enum Kind { IDENT, NUMBER, STRING, PUNCT, NEWLINE, EOF }

    /** A template part: a literal, or an interpolation's source with the line it starts on. */
    record Part(String literal, String interpolation, int line) {}

    /**
     * @param parts a template's parts (STRING only)
     * @param directive whether the template has a {@code %{...}} directive (not evaluated)
     */
    record Token(Kind kind, String text, int line, List<Part> parts, boolean directive) {
        boolean is(String punct) {
            return kind == Kind.PUNCT && text.equals(punct);
        }
    }

    private static final String[] MULTI = {"...", "==", "!=", "<=", ">=", "&&", "||", "=>"};
    private static final String SINGLE = "{}[]()=,.:?!<>+-*/%";

    private final String src;
    private int pos;
    private int line;
    private final List<Token> out = new ArrayList<>();

    private HclLexer(String src, int firstLine) {
        this.src = src;
        this.line = firstLine;
    }

    static List<Token> tokens(String src, int firstLine) {
        HclLexer l = new HclLexer(src, firstLine);
        l.run();
        return l.out;
    }

    private void add(Kind kind, String text, int at) {
        if (out.size() >= MAX_TOKENS) {
            throw new HclException("too many tokens", at);
        }
        out.add(new Token(kind, text, at, List.of(), false));
    }

    private void run() {
        int n = src.length();
        while (pos < n) {
            char c = src.charAt(pos);
            if (c == '\n') {
                add(Kind.NEWLINE, "\n", line);
                line++;
                pos++;
            } else if (c == ' ' || c == '\t' || c == '\r' || c == '\uFEFF') {
                pos++;
            } else if (c == '#' || (c == '/' && peekAt(1) == '/')) {
                while (pos < n && src.charAt(pos) != '\n') {
                    pos++;
                }
            } else if (c == '/' && peekAt(1) == '*') {
                int end = src.indexOf("*/", pos + 2);
                if (end < 0) {
                    throw new HclException("unterminated comment", line);
                }
                countLines(pos, end + 2);
                pos = end + 2;
            } else if (c == '"') {
                quoted();
            } else if (c == '<' && peekAt(1) == '<' && (Character.isLetter(peekAt(2)) || (peekAt(2) == '-' && Character.isLetter(peekAt(3))))) {
                heredoc();
            } else if (Character.isDigit(c)) {
                number();
            } else if (Character.isLetter(c) || c == '_') {
                int start = pos;
                while (pos < n && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_' || src.charAt(pos) == '-')) {
                    pos++;
                }
                add(Kind.IDENT, src.substring(start, pos), line);
            } else {
                punct(c);
            }
        }
        add(Kind.NEWLINE, "\n", line);
        add(Kind.EOF, "", line);
    }

    private char peekAt(int ahead) {
        int i = pos + ahead;
        return i < src.length() ? src.charAt(i) : '\0';
    }

    private void countLines(int from, int to) {
        for (int i = from; i < to; i++) {
            if (src.charAt(i) == '\n') {
                line++;
            }
        }
    }

    private void punct(char c) {
        for (String m : MULTI) {
            if (src.startsWith(m, pos)) {
                add(Kind.PUNCT, m, line);
                pos += m.length();
                return;
            }
        }
        if (SINGLE.indexOf(c) < 0) {
            throw new HclException("unexpected character U+" + String.format("%04X", (int) c), line);
        }
        add(Kind.PUNCT, String.valueOf(c), line);
        pos++;
    }

    private void number() {
        int start = pos;
        int n = src.length();
        while (pos < n && Character.isDigit(src.charAt(pos))) {
            pos++;
        }
        if (pos + 1 < n && src.charAt(pos) == '.' && Character.isDigit(src.charAt(pos + 1))) {
            pos++;
            while (pos < n && Character.isDigit(src.charAt(pos))) {
                pos++;
            }
        }
        if (pos < n && (src.charAt(pos) == 'e' || src.charAt(pos) == 'E')) {
            int save = pos;
            pos++;
            if (pos < n && (src.charAt(pos) == '+' || src.charAt(pos) == '-')) {
                pos++;
            }
            if (pos < n && Character.isDigit(src.charAt(pos))) {
                while (pos < n && Character.isDigit(src.charAt(pos))) {
                    pos++;
                }
            } else {
                pos = save;
            }
        }
        add(Kind.NUMBER, src.substring(start, pos), line);
    }

    /** A quoted template: escapes decoded in literals, interpolations kept as source. */
    private void quoted() {
        int startLine = line;
        pos++; // opening quote
        List<Part> parts = new ArrayList<>();
        StringBuilder lit = new StringBuilder();
        boolean directive = false;
        int n = src.length();
        while (true) {
            if (pos >= n || src.charAt(pos) == '\n') {
                throw new HclException("unterminated string", startLine);
            }
            char c = src.charAt(pos);
            if (c == '"') {
                pos++;
                break;
            }
            if (c == '\\') {
                pos = escape(lit, pos + 1);
            } else if ((c == '$' || c == '%') && peekAt(1) == c && peekAt(2) == '{') {
                lit.append(c).append('{');
                pos += 3;
            } else if ((c == '$' || c == '%') && peekAt(1) == '{') {
                if (!lit.isEmpty()) {
                    parts.add(new Part(lit.toString(), null, line));
                    lit.setLength(0);
                }
                int at = line;
                String inner = interpolation(pos + 2);
                if (c == '%') {
                    directive = true;
                } else {
                    parts.add(new Part(null, inner, at));
                }
            } else {
                lit.append(c);
                pos++;
            }
        }
        if (!lit.isEmpty() || parts.isEmpty()) {
            parts.add(new Part(lit.toString(), null, line));
        }
        out.add(new Token(Kind.STRING, "", startLine, List.copyOf(parts), directive));
    }

    private int escape(StringBuilder lit, int at) {
        if (at >= src.length()) {
            throw new HclException("unterminated escape", line);
        }
        char e = src.charAt(at);
        switch (e) {
            case 'n' -> lit.append('\n');
            case 'r' -> lit.append('\r');
            case 't' -> lit.append('\t');
            case '"' -> lit.append('"');
            case '\\' -> lit.append('\\');
            case 'u', 'U' -> {
                int len = e == 'u' ? 4 : 8;
                if (at + 1 + len > src.length()) {
                    throw new HclException("bad unicode escape", line);
                }
                try {
                    lit.appendCodePoint(Integer.parseInt(src.substring(at + 1, at + 1 + len), 16));
                } catch (IllegalArgumentException bad) {
                    throw new HclException("bad unicode escape", line);
                }
                return at + 1 + len;
            }
            default -> throw new HclException("unknown escape \\" + e, line);
        }
        return at + 1;
    }

    /** The source of an interpolation starting at {@code from} (after "${"), up to its matching brace. */
    private String interpolation(int from) {
        int depth = 1;
        int i = from;
        int n = src.length();
        int startLine = line;
        while (i < n) {
            char c = src.charAt(i);
            if (c == '"') {
                i++;
                while (i < n && src.charAt(i) != '"') {
                    if (src.charAt(i) == '\n') {
                        throw new HclException("unterminated string in interpolation", startLine);
                    }
                    i += src.charAt(i) == '\\' ? 2 : 1;
                }
            } else if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
                if (depth == 0) {
                    String inner = src.substring(from, i);
                    countLines(pos, i + 1);
                    pos = i + 1;
                    return inner.strip().replaceAll("^~|~$", "");
                }
            }
            i++;
        }
        throw new HclException("unterminated interpolation", startLine);
    }

    private void heredoc() {
        int startLine = line;
        pos += 2;
        boolean indent = src.charAt(pos) == '-';
        if (indent) {
            pos++;
        }
        int start = pos;
        while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) {
            pos++;
        }
        String marker = src.substring(start, pos);
        int eol = src.indexOf('\n', pos);
        if (eol < 0) {
            throw new HclException("unterminated heredoc", startLine);
        }
        pos = eol + 1;
        line++;
        List<String> lines = new ArrayList<>();
        int bodyLine = line;
        while (true) {
            if (pos >= src.length()) {
                throw new HclException("unterminated heredoc " + marker, startLine);
            }
            int end = src.indexOf('\n', pos);
            String l = end < 0 ? src.substring(pos) : src.substring(pos, end);
            pos = end < 0 ? src.length() : end;
            if (l.strip().equals(marker)) {
                break;
            }
            lines.add(l.endsWith("\r") ? l.substring(0, l.length() - 1) : l);
            pos++;
            line++;
        }
        if (indent) {
            int common = Integer.MAX_VALUE;
            for (String l : lines) {
                if (!l.isBlank()) {
                    int k = 0;
                    while (k < l.length() && (l.charAt(k) == ' ' || l.charAt(k) == '\t')) {
                        k++;
                    }
                    common = Math.min(common, k);
                }
            }
            int cut = common == Integer.MAX_VALUE ? 0 : common;
            lines.replaceAll(l -> l.length() >= cut ? l.substring(cut) : l.strip());
        }
        String text = lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
        out.add(template(text, bodyLine, startLine));
    }

    /** A heredoc's text as a template (no escapes, interpolations kept). */
    private static Token template(String text, int bodyLine, int tokenLine) {
        List<Part> parts = new ArrayList<>();
        StringBuilder lit = new StringBuilder();
        boolean directive = false;
        int line = bodyLine;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if ((c == '$' || c == '%') && i + 2 < text.length() && text.charAt(i + 1) == c && text.charAt(i + 2) == '{') {
                lit.append(c).append('{');
                i += 3;
            } else if ((c == '$' || c == '%') && i + 1 < text.length() && text.charAt(i + 1) == '{') {
                int depth = 1;
                int j = i + 2;
                while (j < text.length() && depth > 0) {
                    depth += text.charAt(j) == '{' ? 1 : text.charAt(j) == '}' ? -1 : 0;
                    j++;
                }
                if (depth > 0) {
                    throw new HclException("unterminated interpolation in heredoc", line);
                }
                if (!lit.isEmpty()) {
                    parts.add(new Part(lit.toString(), null, line));
                    lit.setLength(0);
                }
                if (c == '%') {
                    directive = true;
                } else {
                    parts.add(new Part(null, text.substring(i + 2, j - 1).strip().replaceAll("^~|~$", ""), line));
                }
                for (int k = i; k < j; k++) {
                    line += text.charAt(k) == '\n' ? 1 : 0;
                }
                i = j;
            } else {
                if (c == '\n') {
                    line++;
                }
                lit.append(c);
                i++;
            }
        }
        if (!lit.isEmpty() || parts.isEmpty()) {
            parts.add(new Part(lit.toString(), null, line));
        }
        return new Token(Kind.STRING, "", tokenLine, List.copyOf(parts), directive);
    }
}
