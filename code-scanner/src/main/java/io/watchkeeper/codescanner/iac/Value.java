package io.watchkeeper.codescanner.iac;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A value of an infrastructure-as-code attribute after static evaluation: known (string, number,
 * bool, null, list, object) or {@link Unknown} (a reference to another resource's attribute, a
 * data source, an input without a default, a function we do not evaluate). Unknown values are never
 * guessed: mappers judge them as their benign stand-in, so they never make a finding.
 */
public sealed interface Value {

    Null NULL = new Null();

    /** Whether this value and everything in it is known. */
    default boolean known() {
        return true;
    }

    record Str(String value) implements Value {}

    record Num(BigDecimal value) implements Value {}

    record Bool(boolean value) implements Value {}

    record Null() implements Value {}

    record Lst(List<Value> items) implements Value {
        public Lst {
            items = Collections.unmodifiableList(new ArrayList<>(items));
        }

        @Override
        public boolean known() {
            return items.stream().allMatch(Value::known);
        }
    }

    record Obj(Map<String, Value> fields) implements Value {
        public Obj {
            fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }

        @Override
        public boolean known() {
            return fields.values().stream().allMatch(Value::known);
        }

        public Value get(String key) {
            return fields.get(key);
        }
    }

    /**
     * A value not known before apply.
     *
     * @param reference the expression it came from when it is a reference ({@code aws_s3_bucket.logs.id},
     *     {@code var.name}, {@code !GetAtt Bucket.Arn}), else a short reason
     */
    record Unknown(String reference) implements Value {
        @Override
        public boolean known() {
            return false;
        }
    }

    static Value str(String s) {
        return new Str(s);
    }

    static Value bool(boolean b) {
        return new Bool(b);
    }

    static Value unknown(String why) {
        return new Unknown(why);
    }

    /** A string form of a known scalar (numbers plain, booleans true/false), else null. */
    static String text(Value v) {
        return switch (v) {
            case Str s -> s.value();
            case Num n -> n.value().stripTrailingZeros().toPlainString();
            case Bool b -> Boolean.toString(b.value());
            case null, default -> null;
        };
    }
}
