package io.watchkeeper.core.secrets;

import io.watchkeeper.core.finding.Severity;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One secret rule, as read from the rules file ({@code secret-rules.yaml}).
 *
 * @param id stable rule id (part of every fingerprint: never rename one)
 * @param family provider family ({@code github}, {@code aws}, …) for reports and accuracy figures
 * @param title what was found, for people
 * @param severity severity of a confirmed match in ordinary code
 * @param keywords prefilter keywords (ASCII, case-insensitive): the rule's pattern runs only near a hit
 * @param pattern the match; the named group {@code secret} is the secret itself
 * @param window lines before and after a keyword hit's line that the pattern may span
 * @param check name of a structural check ({@link StructureChecks}), or null
 * @param minEntropy least Shannon entropy (bits per character) of the secret, 0 for none
 * @param generic whether this is a keyword-and-entropy rule (dropped where generic matches are noise)
 * @param valueFilters names of value filters ({@link ValueFilters}) applied to the secret
 * @param priority when two matches overlap the higher priority is kept
 * @param nearby a companion that raises the severity when found close by, or null
 * @param verifier provider verifier name for optional live verification, or null
 * @param inventory inventory join ({@code aws-access-key}), or null
 * @param requires characters of which every match holds at least one (an assignment's {@code =} or
 *     {@code :}), or null: a keyword window without any of them is not searched (a speed-up only, it
 *     never changes what matches)
 */
public record SecretRule(
        String id,
        String family,
        String title,
        Severity severity,
        List<String> keywords,
        Pattern pattern,
        Window window,
        String check,
        double minEntropy,
        boolean generic,
        List<String> valueFilters,
        int priority,
        Nearby nearby,
        String verifier,
        String inventory,
        String requires) {

    public SecretRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(severity, "severity");
        keywords = List.copyOf(keywords);
        valueFilters = List.copyOf(valueFilters);
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(window, "window");
    }

    /** Whether {@code data[from, to)} holds one of the {@link #requires()} characters (always, when there are none). */
    public boolean mayMatch(byte[] data, int from, int to) {
        if (requires == null) {
            return true;
        }
        for (int i = from; i < to; i++) {
            byte b = data[i];
            for (int k = 0; k < requires.length(); k++) {
                if (b == requires.charAt(k)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Lines before and after the keyword's line the pattern may look at. */
    public record Window(int before, int after) {
        public static final Window LINE = new Window(0, 0);
    }

    /**
     * A companion value (the secret half of an AWS key pair): when {@code pattern} matches within
     * {@code lines} lines with at least {@code minEntropy}, the finding's severity is {@code severity}.
     */
    public record Nearby(Pattern pattern, int lines, double minEntropy, Severity severity, String what) {}
}
