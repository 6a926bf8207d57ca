package io.watchkeeper.auditors.testing;

import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.model.PolicyDocument;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Malformed, absurd and hostile configurations of any config record, built by walking the record's
 * components: what a broken watcher, a changed cloud API or an attacker who controls names, tags
 * and policies could put in front of a check.
 */
public final class HostileConfigs {

    /** One way of being hostile. */
    public enum Flavour {
        /** every reference null, primitives zero */
        NULLS,
        /** every string empty, every list and map empty, nested records empty too */
        EMPTY,
        /** lists holding a null and a hollow element, maps with empty keys and values */
        HOLLOW,
        /** 100,000-character strings, extreme numbers and dates, long lists */
        HUGE,
        /** markup, template and injection strings, control and bidi characters, wildcards */
        MARKUP,
        /** policies of every wrong shape (and markup elsewhere) */
        GARBAGE_POLICIES
    }

    private static final String HUGE_TEXT = "A".repeat(100_000);
    private static final List<String> MARKUP = List.of("<script>alert(1)</script>", "${jndi:ldap://127.0.0.1/x}",
            "'; DROP TABLE finding; --", "\u202Egnp.exe\u0000\r\n\t", "*", "0.0.0.0/0", "::/0", "-1",
            "arn:aws:iam::*:root", "999999999999/sg-1", "%7B%22Statement%22", "{{7*7}}", "=HYPERLINK(\"x\")",
            "sg-", "/", ":", "arn:", "\uD83D\uDCA9");

    private static final Map<String, List<?>> MADE = new java.util.concurrent.ConcurrentHashMap<>();
    private static volatile List<PolicyDocument> garbage;

    private HostileConfigs() {}

    /**
     * A few configs of {@code type} in {@code flavour} (for MARKUP, six, each component taking a different
     * hostile string); made once, shared.
     */
    @SuppressWarnings("unchecked")
    public static <T extends Record> List<T> of(Class<T> type, Flavour flavour) {
        return (List<T>) MADE.computeIfAbsent(type.getName() + "/" + flavour, k -> List.copyOf(make(type, flavour)));
    }

    private static <T extends Record> List<T> make(Class<T> type, Flavour flavour) {
        if (flavour == Flavour.MARKUP) {
            List<T> out = new ArrayList<>();
            for (int i = 0; i < MARKUP.size(); i += 3) {
                out.add(build(type, flavour, 0, i));
            }
            return out;
        }
        if (flavour == Flavour.GARBAGE_POLICIES) {
            List<T> out = new ArrayList<>();
            for (int i = 0; i < garbagePolicies().size(); i++) {
                out.add(build(type, flavour, 0, i));
            }
            return out;
        }
        return List.of(build(type, flavour, 0, 0));
    }

    private static <T extends Record> T build(Class<T> type, Flavour flavour, int depth, int variant) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            values[i] = value(components[i].getType(), components[i].getGenericType(), flavour, depth, variant + i);
        }
        try {
            return type.getDeclaredConstructor(Arrays.stream(components).map(RecordComponent::getType).toArray(Class[]::new))
                    .newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("cannot build a " + flavour + " " + type.getSimpleName(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Object value(Class<?> raw, Type generic, Flavour flavour, int depth, int variant) {
        if (raw == boolean.class) {
            return variant % 2 == 0;
        }
        if (raw == int.class) {
            return flavour == Flavour.HUGE ? Integer.MIN_VALUE : flavour == Flavour.NULLS ? 0 : -1;
        }
        if (raw == long.class) {
            return flavour == Flavour.HUGE ? Long.MAX_VALUE : 0L;
        }
        if (flavour == Flavour.NULLS || depth > 2) {
            return null;
        }
        if (raw == String.class) {
            return text(flavour, variant);
        }
        if (raw == Boolean.class) {
            return variant % 3 == 0 ? null : variant % 3 == 1;
        }
        if (raw == Integer.class) {
            return switch (flavour) {
                case HUGE -> variant % 2 == 0 ? Integer.MAX_VALUE : Integer.MIN_VALUE;
                case EMPTY -> 0;
                default -> -1;
            };
        }
        if (raw == Long.class) {
            return flavour == Flavour.HUGE ? Long.MIN_VALUE : -1L;
        }
        if (raw == Double.class) {
            return switch (flavour) {
                case HUGE -> variant % 2 == 0 ? Double.MAX_VALUE : Double.NaN;
                case EMPTY -> 0.0;
                default -> -1.0;
            };
        }
        if (raw == Instant.class) {
            return flavour == Flavour.HUGE ? (variant % 2 == 0 ? Instant.MAX : Instant.MIN) : Instant.EPOCH;
        }
        if (raw == PolicyDocument.class) {
            return policy(flavour, variant);
        }
        if (raw == JsonNode.class) {
            return garbageJson(variant);
        }
        if (raw == Map.class) {
            return map(flavour, variant);
        }
        if (raw.isRecord()) {
            return build((Class<? extends Record>) raw, flavour, depth + 1, variant);
        }
        if (raw.isEnum()) {
            Object[] constants = raw.getEnumConstants();
            return constants[Math.floorMod(variant, constants.length)];
        }
        if (raw == List.class && generic instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> e) {
            return list(e, flavour, depth, variant);
        }
        throw new AssertionError("HostileConfigs does not know how to make a " + generic
                + ": teach it, so the new config type is covered");
    }

    private static String text(Flavour flavour, int variant) {
        return switch (flavour) {
            case EMPTY, HOLLOW -> "";
            case HUGE -> HUGE_TEXT;
            case MARKUP, GARBAGE_POLICIES -> MARKUP.get(Math.floorMod(variant, MARKUP.size()));
            case NULLS -> null;
        };
    }

    private static Map<String, String> map(Flavour flavour, int variant) {
        Map<String, String> map = new HashMap<>();
        switch (flavour) {
            case EMPTY -> { }
            case HOLLOW -> map.put("", "");
            case HUGE -> {
                for (int i = 0; i < 200; i++) {
                    map.put("k" + i + HUGE_TEXT.substring(0, 1000), HUGE_TEXT);
                }
            }
            default -> MARKUP.forEach(m -> map.put(m, MARKUP.get(Math.floorMod(variant, MARKUP.size()))));
        }
        return map;
    }

    private static List<Object> list(Class<?> element, Flavour flavour, int depth, int variant) {
        List<Object> list = new ArrayList<>();
        switch (flavour) {
            case EMPTY -> { }
            case HOLLOW -> {
                list.add(null);
                list.add(value(element, element, flavour, depth + 1, variant));
            }
            case HUGE -> {
                int size = depth == 0 ? 300 : 3;
                for (int i = 0; i < size; i++) {
                    list.add(value(element, element, flavour, depth + 1, variant + i));
                }
            }
            default -> {
                for (int i = 0; i < 3; i++) {
                    list.add(value(element, element, flavour, depth + 1, variant + i));
                }
                list.add(null);
            }
        }
        return list;
    }

    private static PolicyDocument policy(Flavour flavour, int variant) {
        return switch (flavour) {
            case EMPTY -> PolicyDocument.parse("{}");
            case HOLLOW -> new PolicyDocument(null, null, null);
            case HUGE -> PolicyDocument.parse("{\"Statement\":[" + String.join(",", java.util.Collections.nCopies(3_000,
                    "{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"*\",\"Resource\":\"*\"}")) + "]}");
            case MARKUP -> PolicyDocument.parse("{\"Statement\":[{\"Sid\":" + Json.write(Json.tree(MARKUP.get(
                    Math.floorMod(variant, MARKUP.size())))) + ",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
                    + Json.write(Json.tree(MARKUP)) + "},\"Action\":\"*\",\"Resource\":\"*\"}]}");
            case GARBAGE_POLICIES -> garbagePolicies().get(Math.floorMod(variant, garbagePolicies().size()));
            case NULLS -> null;
        };
    }

    /** Policies of every wrong shape, some as the provider's raw text, some as parsed JSON no parser would accept. */
    static List<PolicyDocument> garbagePolicies() {
        if (garbage == null) {
            garbage = makeGarbagePolicies();
        }
        return garbage;
    }

    private static List<PolicyDocument> makeGarbagePolicies() {
        ObjectNode nullStatement = Json.object();
        nullStatement.putNull("Statement");
        ObjectNode weird = Json.object();
        ArrayNode statements = weird.putArray("Statement");
        statements.addNull();
        statements.add(42);
        ObjectNode s = statements.addObject();
        s.putNull("Effect");
        s.set("Principal", Json.tree(Map.of("AWS", List.of(42, List.of(), Map.of()))));
        s.put("Action", 42);
        s.set("Condition", Json.tree(Map.of("StringEquals", List.of("not", "an", "object"))));
        ObjectNode notPrincipal = statements.addObject();
        notPrincipal.put("Effect", "Allow");
        notPrincipal.put("NotPrincipal", "*");
        notPrincipal.set("NotAction", Json.tree(List.of("*")));
        notPrincipal.set("Condition", Json.tree(Map.of("IpAddress", Map.of("aws:SourceIp", List.of("not-a-cidr", "999.1.1.1/99")))));
        StringBuilder deep = new StringBuilder();
        deep.append("{\"Statement\":".repeat(2_000));
        return List.of(
                PolicyDocument.parse("{\"Statement\": [ {\"Effect\": "),
                PolicyDocument.parse("[1, 2, 3]"),
                PolicyDocument.parse("\"just a string\""),
                PolicyDocument.parse("%7Bnot%20json"),
                PolicyDocument.parse(deep.toString()),
                new PolicyDocument(nullStatement, null, null),
                new PolicyDocument(weird, null, null),
                new PolicyDocument(Json.tree(List.of(1, 2)), null, null),
                new PolicyDocument(null, "{raw", null));
    }

    private static JsonNode garbageJson(int variant) {
        return variant % 2 == 0 ? Json.tree(List.of(MARKUP)) : Json.tree(Map.of("a", List.of(Map.of("b", MARKUP))));
    }
}
