package io.watchkeeper.codescanner.iac.mapping;

import io.watchkeeper.codescanner.iac.Value;
import io.watchkeeper.codescanner.iac.Values;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.model.PolicyDocument;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Policy documents from IaC: a JSON string (Terraform's {@code policy}, {@code jsonencode},
 * heredocs, policy-document data sources) or an object (CloudFormation). A principal known only at
 * apply time ({@code aws_iam_role.app.arn}, {@code data.aws_caller_identity.current.account_id})
 * becomes {@link #PLANNED_OWNER}, the planned resource's own account: never an outsider, never everyone.
 */
final class Policies {

    /** The account id that stands for "the account this is deployed to". */
    static final String PLANNED_ACCOUNT = "000000000000";
    static final String PLANNED_OWNER = "arn:aws:iam::" + PLANNED_ACCOUNT + ":root";

    /** An empty identity policy: judged benign by every check. */
    static final PolicyDocument EMPTY = PolicyDocument.parse("{\"Version\":\"2012-10-17\",\"Statement\":[]}");

    private Policies() {}

    static PolicyDocument read(Value v, Attrs attrs, String what, PolicyDocument ifUnknown) {
        if (Attrs.absent(v)) {
            return null;
        }
        if (attrs.isUnknown(v, what)) {
            return ifUnknown;
        }
        JsonNode json;
        if (v instanceof Value.Str s) {
            if (s.value().isBlank()) {
                return null;
            }
            try {
                json = Json.parse(s.value());
            } catch (RuntimeException e) {
                return PolicyDocument.parse(s.value()); // unparseable: the checks say so, as for a live policy
            }
        } else if (v instanceof Value.Obj o) {
            json = Values.toJson(o);
        } else {
            return ifUnknown;
        }
        if (hasMarker(json)) {
            attrs.unknown().add(what + " (parts known after apply)");
        }
        rewritePrincipals(json);
        return PolicyDocument.parse(Json.write(json));
    }

    private static boolean hasMarker(JsonNode n) {
        if (n.isString()) {
            return Values.isMarker(n.asString());
        }
        for (JsonNode c : n) {
            if (hasMarker(c)) {
                return true;
            }
        }
        return false;
    }

    private static void rewritePrincipals(JsonNode doc) {
        JsonNode statements = doc.path("Statement");
        if (statements.isObject()) {
            rewriteStatement((ObjectNode) statements);
        } else if (statements.isArray()) {
            for (JsonNode s : statements) {
                if (s.isObject()) {
                    rewriteStatement((ObjectNode) s);
                }
            }
        }
    }

    /**
     * Unknown parts of a statement, judged benignly: in a Deny, an unknown principal, action or
     * resource is everything (the broadest deny); in an Allow, an unknown principal is the planned
     * account and an unknown action or resource matches nothing.
     */
    private static void rewriteStatement(ObjectNode s) {
        boolean deny = "Deny".equals(s.path("Effect").asString(""));
        for (String key : new String[] {"Principal", "NotPrincipal"}) {
            JsonNode p = s.get(key);
            if (p == null) {
                continue;
            }
            if (p.isString() && Values.isMarker(p.asString())) {
                s.put(key, deny ? "*" : PLANNED_OWNER);
            } else if (p.isObject()) {
                ObjectNode po = (ObjectNode) p;
                for (String type : new java.util.ArrayList<>(po.propertyNames())) {
                    String replacement = deny ? "*" : owner(type);
                    replace(po, type, replacement);
                }
            }
        }
        if (deny) {
            replace(s, "Action", "*");
            replace(s, "Resource", "*");
        }
    }

    private static void replace(ObjectNode parent, String key, String replacement) {
        JsonNode v = parent.get(key);
        if (v == null) {
            return;
        }
        if (v.isString() && Values.isMarker(v.asString())) {
            parent.put(key, replacement);
        } else if (v.isArray()) {
            ArrayNode a = (ArrayNode) v;
            for (int i = 0; i < a.size(); i++) {
                if (a.get(i).isString() && Values.isMarker(a.get(i).asString())) {
                    a.set(i, Json.mapper().getNodeFactory().stringNode(replacement));
                }
            }
        }
    }

    private static String owner(String principalType) {
        return "Service".equals(principalType) ? "planned.amazonaws.com" : PLANNED_OWNER;
    }
}
