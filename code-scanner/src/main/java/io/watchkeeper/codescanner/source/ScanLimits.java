package io.watchkeeper.codescanner.source;

/**
 * Bounds that keep a hostile repository from exhausting the scanner.
 *
 * @param maxFileBytes files (blobs) larger than this are skipped, never read
 * @param maxLineLength bytes around a keyword hit scanned within one line (minified files, huge lines)
 * @param maxDepth directory depth of a working tree beyond which nothing is read
 */
public record ScanLimits(long maxFileBytes, int maxLineLength, int maxDepth) {

    public static final ScanLimits DEFAULT = new ScanLimits(10L * 1024 * 1024, 4096, 128);

    public ScanLimits {
        if (maxFileBytes < 1 || maxFileBytes > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("maxFileBytes must be between 1 and 2 GiB");
        }
        if (maxLineLength < 256) {
            throw new IllegalArgumentException("maxLineLength must be at least 256");
        }
        if (maxDepth < 1) {
            throw new IllegalArgumentException("maxDepth must be positive");
        }
    }
}
