package io.watchkeeper.auditors.aws.resourcepolicy;

import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.model.PolicyDocument;
import tools.jackson.databind.node.ObjectNode;

/** Resource policies for check tests, written with single quotes like {@code Configs}. */
public final class PolicyFixtures {

    private PolicyFixtures() {}

    /** A policy document with these statements (single-quoted JSON objects). */
    public static PolicyDocument policy(String... statements) {
        return PolicyDocument.parse(("{'Version':'2012-10-17','Statement':[" + String.join(",", statements) + "]}")
                .replace('\'', '"'));
    }

    /** A policy from raw text, as the cloud returned it (may be invalid). */
    public static PolicyDocument raw(String text) {
        return PolicyDocument.parse(text);
    }

    /** An Allow statement for every action on every resource. */
    public static String allow(String sid, String principal) {
        return allow(sid, principal, null);
    }

    /**
     * An Allow statement.
     *
     * @param principal the Principal value, e.g. {@code '*'} or {@code {'AWS':'arn:aws:iam::999999999999:root'}}
     * @param condition the Condition object, or null
     */
    public static String allow(String sid, String principal, String condition) {
        return statement(sid, "Allow", principal, condition);
    }

    /** A Deny statement for every action on every resource. */
    public static String deny(String sid, String principal, String condition) {
        return statement(sid, "Deny", principal, condition);
    }

    /** A principal of type AWS. */
    public static String aws(String value) {
        return "{'AWS':'" + value + "'}";
    }

    /** A single-key condition, e.g. {@code condition("StringEquals", "aws:SourceAccount", OWNER)}. */
    public static String condition(String operator, String key, String value) {
        return "{'" + operator + "':{'" + key + "':'" + value + "'}}";
    }

    private static String statement(String sid, String effect, String principal, String condition) {
        return "{'Sid':'" + sid + "','Effect':'" + effect + "','Principal':" + principal + ",'Action':'*','Resource':'*'"
                + (condition == null ? "" : ",'Condition':" + condition) + "}";
    }

    /** {@code json} (single-quoted config JSON) read into {@code type} with {@code policy} as its policy. */
    public static <T extends Record> T withPolicy(Class<T> type, String json, PolicyDocument policy) {
        ObjectNode node = (ObjectNode) Json.parse(json.replace('\'', '"'));
        if (policy != null) {
            node.set("policy", Json.tree(policy));
        }
        return Json.mapper().treeToValue(node, type);
    }
}
