package io.watchkeeper.core.secrets;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules file's {@code value-filters}: what a candidate secret looks like when it is not one
 * (placeholders and examples, template and environment references, identifiers, UUIDs, checksums,
 * paths and URLs, default database passwords). A rule names the filters that apply to it.
 */
public final class ValueFilters {

    static final Set<String> NAMES = Set.of("placeholder", "template", "identifier", "uuid", "hash", "path-or-url",
            "name-not-secret", "default-password");

    private final List<String> placeholderWords;
    private final List<String> templateMarkers;
    private final Pattern identifier;
    private final Pattern uuid;
    private final List<String> hashPrefixes;
    private final Pattern hashNames;
    private final Pattern pathOrUrl;
    private final Set<String> defaultPasswords;

    ValueFilters(List<String> placeholderWords, List<String> templateMarkers, Pattern identifier, Pattern uuid,
                 List<String> hashPrefixes, Pattern hashNames, Pattern pathOrUrl, Set<String> defaultPasswords) {
        this.placeholderWords = placeholderWords.stream().map(w -> w.toLowerCase(Locale.ROOT)).distinct().toList();
        this.templateMarkers = List.copyOf(templateMarkers);
        this.identifier = identifier;
        this.uuid = uuid;
        this.hashPrefixes = List.copyOf(hashPrefixes);
        this.hashNames = hashNames;
        this.pathOrUrl = pathOrUrl;
        this.defaultPasswords = Set.copyOf(defaultPasswords);
    }

    /**
     * The first of {@code filters} that rejects the candidate, or null when none does.
     *
     * @param secret the candidate secret
     * @param name the name it is assigned to (generic rules), or null
     * @param user the user name beside it (database URLs), or null
     */
    public String reject(List<String> filters, String secret, String name, String user) {
        String lower = secret.toLowerCase(Locale.ROOT);
        for (String f : filters) {
            boolean rejected = switch (f) {
                case "placeholder" -> placeholder(lower);
                case "template" -> templateMarkers.stream().anyMatch(secret::contains);
                case "identifier" -> identifier.matcher(secret).matches();
                case "uuid" -> uuid.matcher(secret).matches();
                case "hash" -> hashPrefixes.stream().anyMatch(lower::startsWith);
                case "name-not-secret" -> name != null && hashNames.matcher(name).find();
                case "path-or-url" -> pathOrUrl.matcher(secret).find();
                case "default-password" -> defaultPasswords.contains(lower) || (user != null && user.equalsIgnoreCase(secret));
                default -> throw new IllegalStateException("unknown value filter " + f);
            };
            if (rejected) {
                return f;
            }
        }
        return null;
    }

    private boolean placeholder(String lower) {
        for (String w : placeholderWords) {
            if (lower.contains(w)) {
                return true;
            }
        }
        // one character repeated, or a run like 0123456789 / abcdef
        boolean same = true;
        boolean run = true;
        for (int i = 1; i < lower.length(); i++) {
            same &= lower.charAt(i) == lower.charAt(0);
            run &= lower.charAt(i) == lower.charAt(i - 1) + 1;
        }
        return same || run;
    }
}
