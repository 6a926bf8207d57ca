package io.watchkeeper.watchers.testing;

import io.watchkeeper.core.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;

/**
 * The recorded GitHub answers the test organisation is built from ({@code /github/recorded/}, hub4j's
 * recordings under the MIT licence, see NOTICE.md there), with {@code https://api.github.com} pointed
 * at the test server.
 */
final class GitHubRecordings {

    private GitHubRecordings() {}

    static Template template(String name, String base) {
        try (InputStream in = GitHubRecordings.class.getResourceAsStream("/github/recorded/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing recorded template " + name);
            }
            return new Template(new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("https://api.github.com", base));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Recorded text with replacements, then parsed. */
    record Template(String text) {
        Template replace(String from, String to) {
            return new Template(text.replace(from, to));
        }

        JsonNode json() {
            return Json.parse(text);
        }
    }
}
