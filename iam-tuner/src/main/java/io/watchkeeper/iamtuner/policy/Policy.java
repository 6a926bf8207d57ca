package io.watchkeeper.iamtuner.policy;

import io.watchkeeper.core.json.CanonicalJson;
import io.watchkeeper.core.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An identity policy: its exact text (what IAM holds, byte for byte — what a rollback puts back) and
 * its statements. Parsing follows IAM's grammar: {@code Statement} is an object or a list, each has
 * {@code Effect} and exactly one of {@code Action}/{@code NotAction} and of {@code Resource}/
 * {@code NotResource}, each a string or a list of strings. Anything else is refused with a reason:
 * the tuner never rewrites what it does not understand.
 *
 * @param name inline policy name, or managed policy ARN
 * @param text the document exactly as IAM returned it (URL-decoded)
 */
public record Policy(String name, String text, ObjectNode json, List<Statement> statements) {

    public static final int MAX_TEXT = 131_072;

    public Policy {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(text, "text");
        statements = List.copyOf(statements);
    }

    /** Parses {@code text}; throws {@link PolicyParseException} with a reason when it is not a policy IAM would hold. */
    public static Policy parse(String name, String text) {
        if (text.length() > MAX_TEXT) {
            throw new PolicyParseException(name, "document longer than " + MAX_TEXT + " characters");
        }
        JsonNode root;
        try {
            root = Json.parse(text);
        } catch (RuntimeException e) {
            throw new PolicyParseException(name, "not JSON");
        }
        if (!(root instanceof ObjectNode object)) {
            throw new PolicyParseException(name, "not a JSON object");
        }
        JsonNode st = object.get("Statement");
        List<JsonNode> raw = new ArrayList<>();
        if (st instanceof ObjectNode) {
            raw.add(st);
        } else if (st != null && st.isArray()) {
            st.forEach(raw::add);
        } else {
            throw new PolicyParseException(name, "no Statement");
        }
        List<Statement> statements = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            if (!(raw.get(i) instanceof ObjectNode s)) {
                throw new PolicyParseException(name, "statement " + i + " is not an object");
            }
            statements.add(statement(name, i, s));
        }
        return new Policy(name, text, object, statements);
    }

    private static Statement statement(String policy, int i, ObjectNode s) {
        String effect = s.path("Effect").asString("");
        if (!effect.equals("Allow") && !effect.equals("Deny")) {
            throw new PolicyParseException(policy, "statement " + i + ": Effect must be Allow or Deny");
        }
        boolean notAction = s.has("NotAction");
        if (notAction == s.has("Action")) {
            throw new PolicyParseException(policy, "statement " + i + ": exactly one of Action and NotAction");
        }
        boolean notResource = s.has("NotResource");
        if (notResource == s.has("Resource")) {
            throw new PolicyParseException(policy, "statement " + i + ": exactly one of Resource and NotResource");
        }
        if (s.has("Principal") || s.has("NotPrincipal")) {
            throw new PolicyParseException(policy, "statement " + i + ": a Principal has no place in an identity policy");
        }
        JsonNode condition = s.get("Condition");
        if (condition != null && !condition.isObject()) {
            throw new PolicyParseException(policy, "statement " + i + ": Condition must be an object");
        }
        JsonNode sid = s.get("Sid");
        return new Statement(i, sid == null ? null : sid.asString(null), effect.equals("Allow"),
                strings(policy, i, s.get(notAction ? "NotAction" : "Action")), notAction,
                strings(policy, i, s.get(notResource ? "NotResource" : "Resource")), notResource,
                condition == null || condition.isEmpty() ? "" : Json.write(CanonicalJson.sorted(condition)), s);
    }

    private static List<String> strings(String policy, int i, JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node != null && node.isString()) {
            out.add(node.asString());
        } else if (node != null && node.isArray()) {
            for (JsonNode n : node) {
                if (!n.isString()) {
                    throw new PolicyParseException(policy, "statement " + i + ": action and resource lists hold strings");
                }
                out.add(n.asString());
            }
        } else {
            throw new PolicyParseException(policy, "statement " + i + ": action and resource elements are strings or lists");
        }
        if (out.isEmpty()) {
            throw new PolicyParseException(policy, "statement " + i + ": an empty action or resource list");
        }
        return out;
    }

    public boolean hasNoRepo() {
        return statements.stream().anyMatch(Statement::noRepo);
    }

    /** The characters IAM counts against its size limits: everything but whitespace. */
    public static int countedLength(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                n++;
            }
        }
        return n;
    }
}
