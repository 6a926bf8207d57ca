package io.watchkeeper.auditors.rules;

import io.watchkeeper.core.json.CanonicalJson;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/** Null-safe readers of configuration fields for rules (configs come from clouds: any field may be absent). */
public final class Facts {

    private Facts() {}

    public static boolean isTrue(Boolean b) {
        return Boolean.TRUE.equals(b);
    }

    /** The list without nulls; empty when absent. */
    public static <T> List<T> list(List<T> list) {
        return list == null ? List.of() : list.stream().filter(Objects::nonNull).toList();
    }

    public static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** Case-insensitive equality, false when either is null. */
    public static boolean is(String value, String expected) {
        return value != null && value.equalsIgnoreCase(expected);
    }

    public static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }

    /** A map value, or null. */
    public static String get(Map<String, String> map, String key) {
        return map == null ? null : map.get(key);
    }

    /** Whether {@code at} is before {@code cutoff} (false when either is null). */
    public static boolean before(Instant at, Instant cutoff) {
        return at != null && cutoff != null && at.isBefore(cutoff);
    }

    /** Evidence details from name/value pairs (nulls shown as "none"). */
    public static Map<String, Object> details(Object... pairs) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            Object v = pairs[i + 1];
            out.put(String.valueOf(pairs[i]), v == null ? "none" : v instanceof Collection<?> c ? new java.util.ArrayList<>(c) : v);
        }
        return out;
    }

    /** One line of at most 500 characters (names from clouds may hold anything). */
    public static String line(String text) {
        String line = text == null ? "" : text.replaceAll("[\\p{Cntrl}\\u2028\\u2029]+", " ");
        return line.length() <= 500 ? line : line.substring(0, 497) + "...";
    }

    /** A valid evidence key: at most 500 characters, long ones cut and made unique by a hash. */
    public static String key(String key) {
        String k = key == null || key.isBlank() ? "unnamed" : key;
        return k.length() <= 500 ? k : k.substring(0, 400) + "#" + CanonicalJson.sha256(k).substring(0, 16);
    }
}
