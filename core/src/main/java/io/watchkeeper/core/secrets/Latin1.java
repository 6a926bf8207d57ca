package io.watchkeeper.core.secrets;

/**
 * Bytes seen as characters (ISO-8859-1: byte b is char b), without copying them into a String:
 * the patterns run only in small windows of a file, so a copy of the whole file is not worth it.
 */
final class Latin1 implements CharSequence {

    private final byte[] data;
    private final int from;
    private final int to;

    Latin1(byte[] data, int from, int to) {
        this.data = data;
        this.from = from;
        this.to = to;
    }

    @Override
    public int length() {
        return to - from;
    }

    @Override
    public char charAt(int index) {
        return (char) (data[from + index] & 0xff);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return new Latin1(data, from + start, from + end);
    }

    @Override
    public String toString() {
        return new String(data, from, to - from, java.nio.charset.StandardCharsets.ISO_8859_1);
    }
}
