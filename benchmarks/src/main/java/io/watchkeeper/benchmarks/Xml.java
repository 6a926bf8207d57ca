package io.watchkeeper.benchmarks;

/** A minimal streaming XML writer for the stub's responses: elements, escaped text, nothing else. */
final class Xml {

    private final StringBuilder out;

    Xml(int capacity) {
        this.out = new StringBuilder(capacity);
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    }

    /** Opens {@code name}; {@code attributes} is raw text placed inside the tag (already escaped). */
    Xml open(String name, String attributes) {
        out.append('<').append(name);
        if (attributes != null && !attributes.isEmpty()) {
            out.append(' ').append(attributes);
        }
        out.append('>');
        return this;
    }

    Xml open(String name) {
        out.append('<').append(name).append('>');
        return this;
    }

    Xml close(String name) {
        out.append("</").append(name).append('>');
        return this;
    }

    /** {@code <name>text</name>}; nothing when text is null. */
    Xml el(String name, Object text) {
        if (text == null) {
            return this;
        }
        out.append('<').append(name).append('>');
        escape(String.valueOf(text));
        out.append("</").append(name).append('>');
        return this;
    }

    /** Escaped character data inside the element last opened. */
    Xml text(Object text) {
        escape(String.valueOf(text));
        return this;
    }

    Xml empty(String name) {
        out.append('<').append(name).append("/>");
        return this;
    }

    private void escape(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
