package io.watchkeeper.auditors.notify;

/** Making untrusted (cloud-controlled) text safe to place in one line of a message or a header. */
public final class Text {

    private Text() {}

    /**
     * The text on one line: CR, LF, the other line and paragraph separators (NEL, U+2028, U+2029)
     * and every other control character become a space; bidirectional overrides, which can make
     * text read differently from what it is, are removed. Null becomes the empty string.
     */
    public static String oneLine(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '\u202A' && c <= '\u202E' || c >= '\u2066' && c <= '\u2069') {
                continue;
            }
            out.append(Character.isISOControl(c) || c == '\u2028' || c == '\u2029' ? ' ' : c);
        }
        return out.toString();
    }

    /** {@link #oneLine} cut to at most {@code max} characters, with an ellipsis when cut. */
    public static String oneLine(String text, int max) {
        String line = oneLine(text);
        if (line.length() <= max) {
            return line;
        }
        int end = max - 1;
        if (end > 0 && Character.isHighSurrogate(line.charAt(end - 1))) {
            end--;
        }
        return line.substring(0, Math.max(0, end)) + "…";
    }
}
