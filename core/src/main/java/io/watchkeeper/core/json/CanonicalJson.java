package io.watchkeeper.core.json;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The canonical form of a configuration: object keys sorted at every level, nulls dropped, and
 * two SHA-256 hashes, one of everything and one of the durable part (without {@link Ephemeral}
 * values). Two configs that mean the same thing produce the same text and hashes.
 */
public final class CanonicalJson {

    private CanonicalJson() {}

    /** A canonicalised config: full tree and text, durable tree, and both hashes. */
    public record Canonical(JsonNode full, String fullText, String fullHash, JsonNode durable, String durableHash) {}

    public static Canonical of(Record config) {
        JsonNode full = sorted(Json.tree(config));
        JsonNode durable = EphemeralPaths.of(config.getClass()).strip(full);
        String fullText = Json.write(full);
        String durableText = durable == full ? fullText : Json.write(durable);
        return new Canonical(full, fullText, sha256(fullText), durable, sha256(durableText));
    }

    /** The durable hash of a stored full configuration of {@code type} (what {@link #of} computes at watch time). */
    public static String durableHash(JsonNode storedFull, Class<? extends Record> type) {
        return sha256(Json.write(EphemeralPaths.of(type).strip(sorted(storedFull))));
    }

    /** A deep copy of {@code node} with object keys sorted and null members removed. */
    public static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            List<Map.Entry<String, JsonNode>> entries = new ArrayList<>(node.properties());
            entries.sort(Map.Entry.comparingByKey());
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            for (Map.Entry<String, JsonNode> e : entries) {
                if (!e.getValue().isNull()) {
                    out.set(e.getKey(), sorted(e.getValue()));
                }
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode(node.size());
            for (JsonNode child : node) {
                out.add(sorted(child));
            }
            return out;
        }
        return node;
    }

    public static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
