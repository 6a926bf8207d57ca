package io.watchkeeper.auditors.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * One clause of a statement's Condition block: an operator (with its set qualifier and
 * {@code IfExists}), one key and its values. A block is the AND of its clauses; a clause holds when
 * the key matches any of its values.
 *
 * @param qualifier set operator for multivalued keys
 * @param operator the base operator, lower case, without qualifier or {@code IfExists}
 *     ({@code stringequals}, {@code arnlike}, {@code ipaddress}, {@code bool}, {@code null}…)
 * @param ifExists the operator ends in {@code IfExists}: a request without the key passes
 * @param keyAsWritten the condition key as the policy writes it (for evidence)
 * @param key the condition key, lower case
 * @param values the values as strings (numbers and booleans as AWS reads them); values of other shapes dropped
 */
public record Condition(Qualifier qualifier, String operator, boolean ifExists, String keyAsWritten, String key,
                        List<String> values) {

    /** The set operator of a clause. */
    public enum Qualifier {
        /** No qualifier: the key is single-valued. */
        NONE,
        /** {@code ForAnyValue:} at least one request value matches. */
        ANY,
        /** {@code ForAllValues:} every request value matches; true when the key is absent. */
        ALL
    }

    public Condition {
        values = List.copyOf(values);
    }

    /** The clauses of a Condition block (an empty list for none or for an odd shape). Never throws. */
    public static List<Condition> of(JsonNode block) {
        if (block == null || !block.isObject() || block.isEmpty()) {
            return List.of();
        }
        List<Condition> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> op : block.properties()) {
            String raw = op.getKey();
            String lower = raw.toLowerCase(Locale.ROOT);
            Qualifier qualifier = Qualifier.NONE;
            if (lower.startsWith("foranyvalue:")) {
                qualifier = Qualifier.ANY;
                lower = lower.substring("foranyvalue:".length());
            } else if (lower.startsWith("forallvalues:")) {
                qualifier = Qualifier.ALL;
                lower = lower.substring("forallvalues:".length());
            }
            boolean ifExists = lower.endsWith("ifexists");
            String operator = ifExists ? lower.substring(0, lower.length() - "ifexists".length()) : lower;
            if (!op.getValue().isObject()) {
                continue;
            }
            for (Map.Entry<String, JsonNode> key : op.getValue().properties()) {
                out.add(new Condition(qualifier, operator, ifExists, key.getKey(), key.getKey().toLowerCase(Locale.ROOT),
                        strings(key.getValue())));
            }
        }
        return List.copyOf(out);
    }

    private static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        for (JsonNode v : node.isArray() ? node.values() : List.of(node)) {
            if (v.isString() || v.isNumber() || v.isBoolean()) {
                out.add(v.asString());
            }
        }
        return out;
    }

    /** Whether the operator matches when the key equals one of the values (not a negated operator). */
    public boolean positive() {
        return switch (operator) {
            case "stringequals", "stringequalsignorecase", "stringlike", "arnequals", "arnlike", "ipaddress" -> true;
            default -> false;
        };
    }

    /** Whether the operator is the negation of a positive one (StringNotEquals, ArnNotLike, NotIpAddress…). */
    public boolean negated() {
        return positiveOf(operator) != null;
    }

    /** The positive operator a negated one negates, or null. */
    static String positiveOf(String operator) {
        return switch (operator) {
            case "stringnotequals" -> "stringequals";
            case "stringnotequalsignorecase" -> "stringequalsignorecase";
            case "stringnotlike" -> "stringlike";
            case "arnnotequals" -> "arnequals";
            case "arnnotlike" -> "arnlike";
            case "notipaddress" -> "ipaddress";
            default -> null;
        };
    }

    /** Whether values are patterns ({@code StringLike}, {@code ArnLike}, {@code ArnEquals} read wildcards). */
    public boolean wildcards() {
        return operator.equals("stringlike") || operator.startsWith("arn");
    }

    /** {@code key values} as evidence shows a pin: the key as written and the values joined by commas. */
    public String describe() {
        return keyAsWritten + " " + String.join(",", values);
    }
}
