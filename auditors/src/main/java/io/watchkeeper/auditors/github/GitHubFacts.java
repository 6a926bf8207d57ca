package io.watchkeeper.auditors.github;

import io.watchkeeper.core.finding.Evidence;
import io.watchkeeper.core.finding.Exposure;
import io.watchkeeper.core.json.Json;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import tools.jackson.databind.node.ObjectNode;

/**
 * Small null-safe readings shared by the GitHub checks. Stored configurations are attacker-influenced
 * and may be hollow (a changed API, a broken watcher): nulls are "not shown", never "off".
 */
final class GitHubFacts {

    /** The CIS GitHub Benchmark v1.2.0 control prefix, as {@code frameworks/cis-github-1.2.0.json} names it. */
    static final String CIS = "CIS-GitHub-1.2.0";

    private GitHubFacts() {}

    /** {@code CIS-GitHub-1.2.0:<id>} for each id. */
    static List<String> cis(String... ids) {
        return Arrays.stream(ids).map(id -> CIS + ":" + id).toList();
    }

    static boolean isTrue(Boolean value) {
        return Boolean.TRUE.equals(value);
    }

    static boolean isFalse(Boolean value) {
        return Boolean.FALSE.equals(value);
    }

    /** The list without nulls; empty for null. */
    static <T> List<T> present(List<T> list) {
        if (list == null) {
            return List.of();
        }
        List<T> out = new ArrayList<>(list.size());
        for (T t : list) {
            if (t != null) {
                out.add(t);
            }
        }
        return out;
    }

    /** Lower-cased text, "" for null. */
    static String lower(String text) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT);
    }

    /** Cuts cloud text to a bounded length for messages (evidence keys and messages must stay small). */
    static String cut(String text, int max) {
        String s = Objects.toString(text, "?");
        return s.length() <= max ? s : s.substring(0, max) + "…";
    }

    /** Evidence details from name/value pairs. */
    static ObjectNode details(Object... pairs) {
        ObjectNode node = Json.object();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            node.set(String.valueOf(pairs[i]), Json.tree(pairs[i + 1]));
        }
        return node;
    }

    /** One piece of evidence, as a list. */
    static List<Evidence> one(String key, String message, Exposure exposure, ObjectNode details) {
        return List.of(new Evidence(key, message, exposure, details));
    }
}
