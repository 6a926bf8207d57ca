package io.watchkeeper.codescanner.iac.terraform;

import io.watchkeeper.codescanner.iac.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The policy an {@code aws_iam_policy_document} data source renders, from its evaluated arguments. */
final class PolicyDocuments {

    private PolicyDocuments() {}

    static Value fromDataSource(Value.Obj doc) {
        List<Value> statements = new ArrayList<>();
        if (doc.get("statement") instanceof Value.Unknown u) {
            return u;
        }
        if (doc.get("statement") instanceof Value.Lst list) {
            for (Value s : list.items()) {
                if (s instanceof Value.Obj st) {
                    statements.add(statement(st));
                }
            }
        }
        Map<String, Value> out = new LinkedHashMap<>();
        out.put("Version", doc.get("version") instanceof Value.Str v ? v : Value.str("2012-10-17"));
        out.put("Statement", new Value.Lst(statements));
        return new Value.Obj(out);
    }

    private static Value statement(Value.Obj st) {
        Map<String, Value> out = new LinkedHashMap<>();
        copy(st, "sid", out, "Sid");
        out.put("Effect", st.get("effect") != null && !(st.get("effect") instanceof Value.Null) ? st.get("effect") : Value.str("Allow"));
        copy(st, "actions", out, "Action");
        copy(st, "not_actions", out, "NotAction");
        copy(st, "resources", out, "Resource");
        copy(st, "not_resources", out, "NotResource");
        principals(st.get("principals"), out, "Principal");
        principals(st.get("not_principals"), out, "NotPrincipal");
        if (st.get("condition") instanceof Value.Lst conditions) {
            Map<String, Map<String, Value>> byTest = new LinkedHashMap<>();
            for (Value c : conditions.items()) {
                if (c instanceof Value.Obj co && Value.text(co.get("test")) != null && Value.text(co.get("variable")) != null) {
                    byTest.computeIfAbsent(Value.text(co.get("test")), k -> new LinkedHashMap<>())
                            .put(Value.text(co.get("variable")), co.get("values") == null ? Value.NULL : co.get("values"));
                } else if (c instanceof Value.Obj) {
                    // a computed test or variable: still a condition, never judged as absent
                    byTest.computeIfAbsent("Unknown", k -> new LinkedHashMap<>()).put("unknown", Value.unknown("condition"));
                }
            }
            Map<String, Value> cond = new LinkedHashMap<>();
            byTest.forEach((k, v) -> cond.put(k, new Value.Obj(v)));
            out.put("Condition", new Value.Obj(cond));
        } else if (st.get("condition") instanceof Value.Unknown u) {
            out.put("Condition", new Value.Obj(Map.of("Unknown", new Value.Obj(Map.of("unknown", u)))));
        }
        return new Value.Obj(out);
    }

    private static void copy(Value.Obj from, String key, Map<String, Value> to, String as) {
        Value v = from.get(key);
        if (v != null && !(v instanceof Value.Null)) {
            to.put(as, v);
        }
    }

    private static void principals(Value v, Map<String, Value> out, String as) {
        if (v instanceof Value.Unknown u) {
            out.put(as, new Value.Obj(Map.of("AWS", u)));
            return;
        }
        if (!(v instanceof Value.Lst list) || list.items().isEmpty()) {
            return;
        }
        Map<String, List<Value>> byType = new LinkedHashMap<>();
        for (Value p : list.items()) {
            if (p instanceof Value.Obj po) {
                String type = Value.text(po.get("type"));
                Value ids = po.get("identifiers");
                List<Value> values = ids instanceof Value.Lst l ? l.items() : ids == null ? List.of() : List.of(ids);
                byType.computeIfAbsent(type == null ? "AWS" : type, k -> new ArrayList<>()).addAll(values);
            }
        }
        if (byType.size() == 1 && byType.containsKey("*")) {
            out.put(as, Value.str("*"));
            return;
        }
        Map<String, Value> principal = new LinkedHashMap<>();
        byType.forEach((k, ids) -> principal.put(k.equals("*") ? "AWS" : k, new Value.Lst(ids)));
        out.put(as, new Value.Obj(principal));
    }
}
