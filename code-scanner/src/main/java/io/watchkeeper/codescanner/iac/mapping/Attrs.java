package io.watchkeeper.codescanner.iac.mapping;

import io.watchkeeper.codescanner.iac.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reading evaluated arguments: each accessor says what an absent argument means (the provider's or
 * AWS's default) and what an unknown one is judged as (the benign stand-in), and records unknowns.
 */
final class Attrs {

    private final List<String> unknown = new ArrayList<>();

    List<String> unknown() {
        return unknown;
    }

    boolean isUnknown(Value v, String what) {
        if (v instanceof Value.Unknown u) {
            unknown.add(what + " (" + u.reference() + ")");
            return true;
        }
        return false;
    }

    static boolean absent(Value v) {
        return v == null || v instanceof Value.Null;
    }

    String str(Value v, String what, String ifAbsent, String ifUnknown) {
        if (absent(v)) {
            return ifAbsent;
        }
        if (isUnknown(v, what)) {
            return ifUnknown;
        }
        String s = Value.text(v);
        return s == null ? ifUnknown : s;
    }

    Boolean bool(Value v, String what, Boolean ifAbsent, Boolean ifUnknown) {
        if (absent(v)) {
            return ifAbsent;
        }
        if (isUnknown(v, what)) {
            return ifUnknown;
        }
        if (v instanceof Value.Bool b) {
            return b.value();
        }
        String s = Value.text(v);
        if (s != null && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(s.toLowerCase(Locale.ROOT));
        }
        return ifUnknown;
    }

    Integer integer(Value v, String what, Integer ifAbsent, Integer ifUnknown) {
        if (absent(v)) {
            return ifAbsent;
        }
        if (isUnknown(v, what)) {
            return ifUnknown;
        }
        String s = Value.text(v);
        try {
            return s == null ? ifUnknown : Integer.valueOf(new java.math.BigDecimal(s.trim()).intValueExact());
        } catch (ArithmeticException | NumberFormatException e) {
            return ifUnknown;
        }
    }

    /** The known strings of a list (or of a single string); unknown items are dropped and recorded. */
    List<String> strings(Value v, String what) {
        List<String> out = new ArrayList<>();
        if (absent(v) || isUnknown(v, what)) {
            return out;
        }
        List<Value> items = v instanceof Value.Lst l ? l.items() : List.of(v);
        for (Value i : items) {
            if (!isUnknown(i, what) && Value.text(i) != null) {
                out.add(Value.text(i));
            }
        }
        return out;
    }

    /** Nested blocks (a list of objects), a single object as a one-item list, else empty. */
    static List<Value.Obj> blocks(Value v) {
        List<Value.Obj> out = new ArrayList<>();
        if (v instanceof Value.Obj o) {
            out.add(o);
        } else if (v instanceof Value.Lst l) {
            l.items().forEach(i -> {
                if (i instanceof Value.Obj o) {
                    out.add(o);
                }
            });
        }
        return out;
    }

    static Value.Obj first(Value v) {
        List<Value.Obj> b = blocks(v);
        return b.isEmpty() ? null : b.getFirst();
    }

    static Value get(Value.Obj o, String key) {
        return o == null ? null : o.get(key);
    }

    /** Tags: a Terraform map, or CloudFormation's list of Key/Value objects; unknown values left out. */
    static Map<String, String> tags(Value v) {
        Map<String, String> out = new LinkedHashMap<>();
        if (v instanceof Value.Obj o) {
            o.fields().forEach((k, x) -> {
                if (Value.text(x) != null) {
                    out.put(k, Value.text(x));
                }
            });
        } else if (v instanceof Value.Lst l) {
            for (Value.Obj t : blocks(l)) {
                String k = Value.text(t.get("Key"));
                String x = Value.text(t.get("Value"));
                if (k != null && x != null) {
                    out.put(k, x);
                }
            }
        }
        return out;
    }
}
