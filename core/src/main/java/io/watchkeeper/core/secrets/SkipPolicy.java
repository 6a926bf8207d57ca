package io.watchkeeper.core.secrets;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules file's {@code skip}: vendored and generated paths, generated-file markers and binary
 * file extensions. Binary content is also recognised by a NUL byte in its first 8,000 bytes (the
 * heuristic git uses), unless it starts with a UTF-16 byte-order mark.
 */
public final class SkipPolicy {

    /** Why a file was not scanned. */
    public enum Reason { BINARY, VENDORED, GENERATED, TOO_LARGE, SYMLINK, SPECIAL_FILE, TOO_DEEP, UNREADABLE }

    private static final int SNIFF = 8000;
    private static final int MARKER_BYTES = 1024;

    private final Pattern vendored;
    private final Pattern generated;
    private final List<String> markers;
    /** The markers, found in one pass without a copy of the file's head (null when there are none). */
    private final AhoCorasick markerScan;
    private final Set<String> binaryExtensions;

    SkipPolicy(Pattern vendored, Pattern generated, List<String> markers, Set<String> binaryExtensions) {
        this.vendored = vendored;
        this.generated = generated;
        this.markers = markers.stream().map(m -> m.toLowerCase(Locale.ROOT)).toList();
        this.markerScan = this.markers.isEmpty() || !this.markers.stream().allMatch(SkipPolicy::ascii)
                ? null : new AhoCorasick(this.markers);
        this.binaryExtensions = Set.copyOf(binaryExtensions);
    }

    /** The reason to skip {@code path} by its name alone, or null to read it. */
    public Reason byPath(String path, boolean includeVendored, boolean includeGenerated) {
        if (!includeVendored && vendored.matcher(path).find()) {
            return Reason.VENDORED;
        }
        if (!includeGenerated && generated.matcher(path).find()) {
            return Reason.GENERATED;
        }
        if (binaryExtensions.contains(extension(path))) {
            return Reason.BINARY;
        }
        return null;
    }

    /** The reason to skip content that was read, or null to scan it. */
    public Reason byContent(byte[] data, int length, boolean includeGenerated) {
        if (!utf16(data, length)) {
            int n = Math.min(length, SNIFF);
            for (int i = 0; i < n; i++) {
                if (data[i] == 0) {
                    return Reason.BINARY;
                }
            }
        }
        if (!includeGenerated && hasMarker(data, Math.min(length, MARKER_BYTES))) {
            return Reason.GENERATED;
        }
        return null;
    }

    /** Whether the content starts with a UTF-16 byte-order mark. */
    public static boolean utf16(byte[] data, int length) {
        return length >= 2 && ((data[0] == (byte) 0xFF && data[1] == (byte) 0xFE) || (data[0] == (byte) 0xFE && data[1] == (byte) 0xFF));
    }

    private boolean hasMarker(byte[] data, int n) {
        if (markerScan != null) {
            return markerScan.first(data, 0, n) >= 0;
        }
        String head = new String(data, 0, n, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        for (String m : markers) {
            if (head.contains(m)) {
                return true;
            }
        }
        return false;
    }

    private static boolean ascii(String s) {
        return !s.isEmpty() && s.chars().allMatch(c -> c < 0x80);
    }

    /** The lower-cased extension of the last path segment, or "". */
    public static String extension(String path) {
        int slash = path.lastIndexOf('/');
        int dot = path.lastIndexOf('.');
        return dot > slash + 1 ? path.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
    }
}
