package io.watchkeeper.codescanner.iac.cloudformation;

import io.watchkeeper.codescanner.iac.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * YAML (and JSON, a subset) composed to a node tree with SnakeYAML Engine, which never constructs
 * Java objects, then turned into {@link Value}s: CloudFormation's short-form tags become their
 * long form ({@code !Ref X} → {@code {"Ref": "X"}}, {@code !Sub s} → {@code {"Fn::Sub": s}}).
 * Bounded: aliases (at most 50), nesting depth and the number of nodes visited (aliases are
 * expanded, so a billion-laughs document stops at the budget instead of exhausting memory).
 */
public final class YamlTrees {

    static final int MAX_NODES = 500_000;
    static final int MAX_DEPTH = 100;

    /** A value with the lines of the mapping keys directly under {@code Resources}. */
    record Doc(Value value, Map<String, int[]> resourceLines) {}

    private int budget = MAX_NODES;

    private YamlTrees() {}

    private static LoadSettings settings(String text) {
        if (flowDepth(text) > MAX_DEPTH) {
            throw new IllegalArgumentException("document nested too deeply");
        }
        return LoadSettings.builder()
                .setMaxAliasesForCollections(50)
                .setAllowRecursiveKeys(false)
                .setAllowDuplicateKeys(true)
                .setCodePointLimit(Math.max(text.length() + 16, 1024))
                .setUseMarks(true)
                .build();
    }

    /**
     * Every document of a YAML stream (Kubernetes manifests), composed to nodes within the same bounds as
     * a template: aliases, nesting, and one node budget for the whole file with aliases expanded.
     *
     * @throws IllegalArgumentException when the text does not parse or exceeds a bound
     */
    public static List<Node> composeAll(String text) {
        LoadSettings settings = settings(text);
        YamlTrees budget = new YamlTrees();
        List<Node> docs = new ArrayList<>();
        try {
            for (Node n : new Compose(settings).composeAllFromString(text)) {
                budget.value(n, 0); // counts the nodes and checks the depth
                docs.add(n);
            }
        } catch (StackOverflowError e) {
            throw new IllegalArgumentException("document nested too deeply");
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
            throw new IllegalArgumentException(m.length() > 200 ? m.substring(0, 200) : m, e);
        }
        return docs;
    }

    static Optional<Doc> compose(String text) {
        LoadSettings settings = settings(text);
        Optional<Node> root;
        try {
            root = new Compose(settings).composeString(text);
        } catch (StackOverflowError e) {
            // block nesting deep enough to exhaust the parser's stack: a hostile file, not a template
            throw new IllegalArgumentException("document nested too deeply");
        }
        if (root.isEmpty()) {
            return Optional.empty();
        }
        YamlTrees t = new YamlTrees();
        Value v = t.value(root.get(), 0);
        Map<String, int[]> lines = new LinkedHashMap<>();
        if (root.get() instanceof MappingNode top) {
            for (NodeTuple section : top.getValue()) {
                if (section.getKeyNode() instanceof ScalarNode k && k.getValue().equals("Resources")
                        && section.getValueNode() instanceof MappingNode resources) {
                    for (NodeTuple r : resources.getValue()) {
                        if (r.getKeyNode() instanceof ScalarNode id) {
                            lines.put(id.getValue(), new int[] {line(id.getStartMark()), endLine(text, r.getValueNode())});
                        }
                    }
                }
            }
        }
        return Optional.of(new Doc(v, lines));
    }

    /** The deepest nesting of flow collections ([ and { outside quotes and comments), cheaply, before parsing. */
    static int flowDepth(String text) {
        int depth = 0;
        int max = 0;
        char quote = 0;
        boolean comment = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (comment) {
                comment = c != '\n';
            } else if (quote != 0) {
                if (c == '\\' && quote == '"') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '#' && (i == 0 || Character.isWhitespace(text.charAt(i - 1)))) {
                comment = true;
            } else if (c == '[' || c == '{') {
                max = Math.max(max, ++depth);
            } else if ((c == ']' || c == '}') && depth > 0) {
                depth--;
            }
        }
        return max;
    }

    private static int line(Optional<Mark> m) {
        return m.map(x -> x.getLine() + 1).orElse(1);
    }

    /** The line of the last character of a node (its end mark is where the next token starts). */
    private static int endLine(String text, Node n) {
        int end = n.getEndMark().map(Mark::getIndex).orElse(0);
        int i = Math.min(end, text.length()) - 1;
        while (i > 0 && Character.isWhitespace(text.charAt(i))) {
            i--;
        }
        int line = 1;
        for (int k = 0; k < i; k++) {
            if (text.charAt(k) == '\n') {
                line++;
            }
        }
        return line;
    }

    private Value value(Node n, int depth) {
        if (--budget < 0) {
            throw new IllegalArgumentException("document too large (more than " + MAX_NODES + " nodes with aliases expanded)");
        }
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("document nested too deeply");
        }
        String tag = n.getTag().getValue();
        Value plain = switch (n) {
            case ScalarNode s -> scalar(s, tag);
            case SequenceNode seq -> {
                List<Value> items = new ArrayList<>();
                for (Node i : seq.getValue()) {
                    items.add(value(i, depth + 1));
                }
                yield new Value.Lst(items);
            }
            case MappingNode map -> {
                Map<String, Value> fields = new LinkedHashMap<>();
                for (NodeTuple t : map.getValue()) {
                    String key = t.getKeyNode() instanceof ScalarNode k ? k.getValue() : "?";
                    fields.put(key, value(t.getValueNode(), depth + 1));
                }
                yield new Value.Obj(fields);
            }
            default -> Value.NULL;
        };
        if (tag.startsWith("!") && tag.length() > 1) {
            String fn = tag.substring(1);
            String key = fn.equals("Ref") || fn.equals("Condition") ? fn : "Fn::" + fn;
            if (fn.equals("GetAtt") && plain instanceof Value.Str s) {
                int dot = s.value().indexOf('.');
                plain = dot < 0 ? plain : new Value.Lst(List.of(Value.str(s.value().substring(0, dot)), Value.str(s.value().substring(dot + 1))));
            }
            return new Value.Obj(Map.of(key, plain));
        }
        return plain;
    }

    private static Value scalar(ScalarNode s, String tag) {
        String v = s.getValue();
        if (s.getScalarStyle() != ScalarStyle.PLAIN) {
            return Value.str(v);
        }
        if (tag.endsWith(":bool") || v.equals("true") || v.equals("false") || v.equals("True") || v.equals("False")) {
            return Value.bool(Boolean.parseBoolean(v.toLowerCase(java.util.Locale.ROOT)));
        }
        if (tag.endsWith(":null") || v.equals("null") || v.equals("~") || v.isEmpty()) {
            return Value.NULL;
        }
        // numbers stay strings (CloudFormation reads them so; account ids keep their leading zeros)
        return Value.str(v);
    }
}
