package io.watchkeeper.codescanner.output;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The build's version, written into {@code scanner.properties} by the build. */
public final class ScannerVersion {

    private ScannerVersion() {}

    public static String get() {
        try (InputStream in = ScannerVersion.class.getResourceAsStream("/io/watchkeeper/codescanner/scanner.properties")) {
            if (in == null) {
                throw new IllegalStateException("scanner.properties is missing from the build");
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "");
            if (v.isBlank() || v.contains("${")) {
                throw new IllegalStateException("scanner.properties was not filled in by the build");
            }
            return v;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
