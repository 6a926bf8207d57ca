package io.watchkeeper.auditors.policy;

import io.watchkeeper.core.json.CanonicalJson;
import io.watchkeeper.core.model.PolicyDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Reads AWS policy documents into {@link Statement}s. Documents come from the cloud and are
 * attacker-controlled: anything malformed (not JSON, wrong shapes, unknown condition operators,
 * absurd sizes) yields {@link Parsed#problem()} instead of an exception, so checks can report
 * "unparseable" and the audit goes on.
 */
public final class Policies {

    /** Statements beyond this are not read (AWS allows far fewer). */
    public static final int MAX_STATEMENTS = 1_000;

    private static final Set<String> OPERATORS = Set.of("StringEquals", "StringNotEquals", "StringEqualsIgnoreCase",
            "StringNotEqualsIgnoreCase", "StringLike", "StringNotLike", "NumericEquals", "NumericNotEquals",
            "NumericLessThan", "NumericLessThanEquals", "NumericGreaterThan", "NumericGreaterThanEquals", "DateEquals",
            "DateNotEquals", "DateLessThan", "DateLessThanEquals", "DateGreaterThan", "DateGreaterThanEquals", "Bool",
            "BinaryEquals", "IpAddress", "NotIpAddress", "ArnEquals", "ArnLike", "ArnNotEquals", "ArnNotLike", "Null");
    private static final Pattern QUALIFIER = Pattern.compile("^(ForAnyValue:|ForAllValues:)?(.*?)(IfExists)?$");

    private Policies() {}

    /** Statements, or the reason the document cannot be read. */
    public record Parsed(List<Statement> statements, String problem) {
        public boolean ok() {
            return problem == null;
        }
    }

    public static Parsed parse(PolicyDocument document) {
        if (document == null) {
            return new Parsed(List.of(), null);
        }
        if (!document.parsed()) {
            return new Parsed(List.of(), "not valid JSON: " + document.error());
        }
        return parse(document.json());
    }

    public static Parsed parse(JsonNode json) {
        JsonNode statementNode = json.get("Statement");
        if (statementNode == null) {
            return new Parsed(List.of(), "no Statement");
        }
        List<JsonNode> raw = new ArrayList<>();
        if (statementNode.isArray()) {
            statementNode.forEach(raw::add);
        } else if (statementNode.isObject()) {
            raw.add(statementNode);
        } else {
            return new Parsed(List.of(), "Statement is neither an object nor a list");
        }
        if (raw.size() > MAX_STATEMENTS) {
            return new Parsed(List.of(), "more than " + MAX_STATEMENTS + " statements");
        }
        List<Statement> statements = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            JsonNode s = raw.get(i);
            if (!s.isObject()) {
                return new Parsed(List.of(), "statement " + i + " is not an object");
            }
            String effect = text(s.get("Effect"));
            if (!"Allow".equals(effect) && !"Deny".equals(effect)) {
                return new Parsed(List.of(), "statement " + i + " has Effect '" + effect + "'");
            }
            JsonNode conditions = s.get("Condition");
            if (conditions != null && !conditions.isObject()) {
                return new Parsed(List.of(), "statement " + i + " has a Condition that is not an object");
            }
            String badOperator = conditions == null ? null : unknownOperator(conditions);
            if (badOperator != null) {
                return new Parsed(List.of(), "statement " + i + " has an unknown or malformed condition operator '" + badOperator + "'");
            }
            try {
                statements.add(new Statement(i, text(s.get("Sid")), "Allow".equals(effect), principals(s.get("Principal")),
                        principals(s.get("NotPrincipal")), strings(s.get("Action")), strings(s.get("NotAction")),
                        strings(s.get("Resource")), strings(s.get("NotResource")),
                        conditions == null ? JsonNodeFactory.instance.objectNode() : conditions,
                        CanonicalJson.sorted(s)));
            } catch (IllegalArgumentException e) {
                return new Parsed(List.of(), "statement " + i + ": " + e.getMessage());
            }
        }
        return new Parsed(List.copyOf(statements), null);
    }

    /**
     * The first condition operator that is unknown or whose values are malformed (objects, nested
     * lists, or booleans outside Bool/Null), or null when the block is well formed.
     */
    private static String unknownOperator(JsonNode conditions) {
        for (Map.Entry<String, JsonNode> e : conditions.properties()) {
            var m = QUALIFIER.matcher(e.getKey());
            if (!m.matches() || !OPERATORS.contains(m.group(2)) || !e.getValue().isObject()) {
                return e.getKey();
            }
            boolean booleansAllowed = m.group(2).equals("Bool") || m.group(2).equals("Null");
            for (JsonNode value : e.getValue().values()) {
                for (JsonNode v : value.isArray() ? value.values() : java.util.List.of(value)) {
                    if (!(v.isString() || v.isNumber() || (v.isBoolean() && booleansAllowed))) {
                        return e.getKey() + " (value " + v.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + ")";
                    }
                }
            }
        }
        return null;
    }

    private static String text(JsonNode node) {
        return node == null || !node.isString() ? null : node.asString();
    }

    static List<String> strings(JsonNode node) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (node.isString()) {
            return List.of(node.asString());
        }
        if (node.isArray()) {
            List<String> out = new ArrayList<>();
            for (JsonNode n : node) {
                if (!n.isString()) {
                    throw new IllegalArgumentException("expected strings, found " + n.getNodeType());
                }
                out.add(n.asString());
            }
            return List.copyOf(out);
        }
        throw new IllegalArgumentException("expected a string or a list, found " + node.getNodeType());
    }

    private static List<Statement.Principal> principals(JsonNode node) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (node.isString()) {
            return List.of(new Statement.Principal("*", node.asString()));
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException("Principal must be \"*\" or an object");
        }
        List<Statement.Principal> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            for (String value : strings(e.getValue())) {
                out.add(new Statement.Principal(e.getKey(), value));
            }
        }
        return List.copyOf(out);
    }
}
