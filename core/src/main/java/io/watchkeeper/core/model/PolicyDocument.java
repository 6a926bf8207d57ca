package io.watchkeeper.core.model;

import io.watchkeeper.core.json.CanonicalJson;
import io.watchkeeper.core.json.Json;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;

/**
 * A resource or identity policy as the provider returned it: parsed JSON when it parses, or the
 * raw text (bounded) with the parse error when it does not, so that checks can report
 * "unparseable" instead of failing the audit.
 *
 * @param json the parsed document (object keys sorted), or null
 * @param unparseable the raw text when it did not parse (at most {@value #MAX_RAW} characters), or null
 * @param error why it did not parse, or null
 */
public record PolicyDocument(JsonNode json, String unparseable, String error) {

    public static final int MAX_RAW = 65_536;

    /** Parses a policy; URL-encoded documents (IAM returns them so) are decoded first. Null stays null. */
    public static PolicyDocument parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String text = raw.strip();
        if (text.startsWith("%7B") || text.startsWith("%7b")) {
            try {
                text = URLDecoder.decode(text, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return invalid(raw, "invalid URL encoding");
            }
        }
        try {
            JsonNode node = Json.parse(text);
            if (!node.isObject()) {
                return invalid(raw, "a policy must be a JSON object");
            }
            return new PolicyDocument(CanonicalJson.sorted(node), null, null);
        } catch (RuntimeException e) {
            String message = e.getMessage() == null ? "invalid JSON" : e.getMessage().lines().findFirst().orElse("");
            return invalid(raw, message);
        }
    }

    private static PolicyDocument invalid(String raw, String error) {
        String bounded = raw.length() > MAX_RAW ? raw.substring(0, MAX_RAW) : raw;
        return new PolicyDocument(null, bounded, error.length() > 300 ? error.substring(0, 300) : error);
    }

    public boolean parsed() {
        return json != null;
    }
}
