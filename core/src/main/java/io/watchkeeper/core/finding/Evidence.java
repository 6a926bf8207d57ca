package io.watchkeeper.core.finding;

import io.watchkeeper.core.json.CanonicalJson;
import io.watchkeeper.core.json.Json;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * One concrete problem a check found on a resource.
 *
 * @param key what is wrong, stable across runs and independent of wording and score (e.g.
 *     {@code ingress:tcp:22-22:0.0.0.0/0} or {@code statement:AllowAll}); part of the finding's
 *     fingerprint, so the same problem keeps its identity, justification and history
 * @param message a one-line explanation for people
 * @param exposure who can take advantage of it
 * @param details the evidence itself (the rule, the statement); a change to it reopens a justification
 */
public record Evidence(String key, String message, Exposure exposure, JsonNode details) {

    public Evidence {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(exposure, "exposure");
        if (key.isBlank() || key.length() > 500) {
            throw new IllegalArgumentException("evidence key must be 1-500 characters");
        }
        details = details == null ? Json.object() : CanonicalJson.sorted(details);
    }

    public static Evidence of(String key, String message, Exposure exposure, Object details) {
        return new Evidence(key, message, exposure, details == null ? null : Json.tree(details));
    }

    public static Evidence of(String key, String message, Exposure exposure) {
        return new Evidence(key, message, exposure, null);
    }

    /** SHA-256 of the canonical details. */
    public String detailsHash() {
        return CanonicalJson.sha256(Json.write(details));
    }
}
