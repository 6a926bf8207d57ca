package io.watchkeeper.auditors.output;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Objects;
import java.util.Properties;

/**
 * What outputs say about Watchkeeper itself (SARIF {@code tool.driver}).
 *
 * @param version the build's version (from the jar, filled in by the build)
 * @param informationUri where people learn about this Watchkeeper and its checks: the check catalogue
 *     of the deployment's console ({@code <console-url>/checks})
 */
public record ToolInfo(String version, URI informationUri) {

    /** The console base URL when none is configured. */
    public static final URI LOCAL_CONSOLE = URI.create("http://127.0.0.1:8080");

    public ToolInfo {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(informationUri, "informationUri");
        if (!informationUri.isAbsolute()) {
            throw new IllegalArgumentException("informationUri must be absolute: " + informationUri);
        }
    }

    /** This build's version, and the check catalogue under {@code consoleUrl}. */
    public static ToolInfo of(URI consoleUrl) {
        String base = consoleUrl.toString().replaceAll("/+$", "");
        return new ToolInfo(buildVersion(), URI.create(base + "/checks"));
    }

    /** The version the build wrote into {@code tool.properties}. */
    public static String buildVersion() {
        try (InputStream in = ToolInfo.class.getResourceAsStream("tool.properties")) {
            if (in == null) {
                throw new IllegalStateException("tool.properties is missing from the build");
            }
            Properties p = new Properties();
            p.load(in);
            String version = p.getProperty("version", "");
            if (version.isBlank() || version.contains("${")) {
                throw new IllegalStateException("tool.properties was not filled in by the build: '" + version + "'");
            }
            return version;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
