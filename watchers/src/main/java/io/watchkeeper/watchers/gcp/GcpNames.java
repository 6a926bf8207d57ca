package io.watchkeeper.watchers.gcp;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Resource ids, names and values as Watchkeeper stores them for GCP. Resource ids are Cloud Asset
 * Inventory full resource names ({@code //compute.googleapis.com/projects/p/global/firewalls/f}),
 * with the project id where the API path has it.
 */
public final class GcpNames {

    private GcpNames() {}

    /** {@code //<service>.googleapis.com/<path>}, the path without a leading slash or API host. */
    public static String fullName(String service, String path) {
        String p = relative(path);
        return "//" + service + ".googleapis.com/" + p;
    }

    /**
     * A Compute Engine link or path without its host and API version:
     * {@code https://…/compute/v1/projects/p/global/networks/n} → {@code projects/p/global/networks/n}.
     */
    public static String relative(String link) {
        if (link == null) {
            return null;
        }
        String p = link;
        int projects = p.indexOf("projects/");
        if (p.startsWith("http") && projects >= 0) {
            p = p.substring(projects);
        }
        return p.startsWith("/") ? p.substring(1) : p;
    }

    /** The last path segment ({@code zones/us-central1-a} → {@code us-central1-a}). */
    public static String last(String path) {
        if (path == null || path.isEmpty()) {
            return path;
        }
        String p = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return p.substring(p.lastIndexOf('/') + 1);
    }

    /** {@code projects/p/locations/<location>/…} → location, or null. */
    public static String location(String name) {
        String[] parts = name.split("/");
        for (int i = 0; i + 1 < parts.length; i++) {
            if (parts[i].equals("locations")) {
                return parts[i + 1];
            }
        }
        return null;
    }

    /** The region of a zone ({@code us-central1-a} → {@code us-central1}). */
    public static String regionOfZone(String zone) {
        if (zone == null) {
            return null;
        }
        int dash = zone.lastIndexOf('-');
        return dash > 0 ? zone.substring(0, dash) : zone;
    }

    /** An RFC 3339 timestamp (with offset) as an instant; null when absent or unparseable. */
    public static Instant time(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    /** A protobuf timestamp as an instant; null when unset. */
    public static Instant time(com.google.protobuf.Timestamp t) {
        return t == null || t.getSeconds() == 0 && t.getNanos() == 0 ? null : Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
    }

    /** Milliseconds since the epoch (BigQuery) as an instant. */
    public static Instant millis(Long ms) {
        return ms == null ? null : Instant.ofEpochMilli(ms);
    }

    public static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    public static List<String> sorted(Collection<String> values) {
        return values == null ? List.of() : values.stream().filter(v -> v != null).sorted().distinct().toList();
    }

    public static Map<String, String> labels(Map<String, String> labels) {
        return labels == null ? Map.of() : new TreeMap<>(labels);
    }
}
