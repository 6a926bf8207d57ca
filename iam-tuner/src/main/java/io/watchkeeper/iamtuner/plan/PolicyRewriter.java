package io.watchkeeper.iamtuner.plan;

import io.watchkeeper.iamtuner.catalog.ActionCatalog;
import io.watchkeeper.iamtuner.catalog.Glob;
import io.watchkeeper.iamtuner.policy.Policy;
import io.watchkeeper.iamtuner.policy.Statement;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Removes actions from a policy and nothing else. Deny statements and {@code NOREPO} statements are
 * left exactly as they are; in an Allow statement only the action element changes — Sid, Resource,
 * NotResource and Condition stay as written. A pattern that loses nothing stays as written (so does a
 * pattern the catalogue does not know); a pattern that loses actions is replaced by the catalogue
 * actions it still grants; a {@code NotAction} that loses actions lists them too (its statement keeps
 * granting everything else it granted, unknown and future actions included, and nothing more). Statements left with no action are dropped; a policy left with no
 * statement is reported as empty (null text).
 *
 * <p>{@code keepExtra} names actions (or {@code service:*} patterns) outside the catalogue that must stay
 * granted where they were — used ones, or services with calls the tuner cannot name: when a wildcard or a
 * {@code NotAction} is replaced by catalogue names, those it covered are added back explicitly.
 *
 * <p>With {@code compress}, explicit lists are folded back into wildcards from the catalogue — only into
 * a wildcard whose every catalogue action is still granted and which the statement's old action element
 * already covered in full (so no future action is granted that was not granted before).
 */
public final class PolicyRewriter {

    private static final JsonMapper WRITER = JsonMapper.builder().build();

    private final ActionCatalog catalog;

    public PolicyRewriter(ActionCatalog catalog) {
        this.catalog = catalog;
    }

    /** @param text the new document, or null when no statement is left */
    public record Result(String text, boolean changed) {}

    public Result rewrite(Policy policy, BitSet remove, boolean compress) {
        return rewrite(policy, remove, compress, Set.of());
    }

    public Result rewrite(Policy policy, BitSet remove, boolean compress, Set<String> keepExtra) {
        List<JsonNode> statements = new ArrayList<>();
        boolean changed = false;
        for (Statement s : policy.statements()) {
            if (!s.allow() || s.noRepo()) {
                statements.add(s.node());
                continue;
            }
            BitSet grants = actions(s);
            if (!grants.intersects(remove)) {
                statements.add(s.node());
                continue;
            }
            changed = true;
            if (s.notAction()) {
                statements.add(withNotActions(s, grants, remove, compress, keepExtra));
                continue;
            }
            List<String> kept = keptActions(s, remove, compress, keepExtra);
            if (kept.isEmpty()) {
                continue;
            }
            statements.add(withActions(s, kept));
        }
        if (!changed) {
            return new Result(policy.text(), false);
        }
        if (statements.isEmpty()) {
            return new Result(null, true);
        }
        ObjectNode doc = JsonNodeFactory.instance.objectNode();
        boolean single = policy.json().get("Statement").isObject() && statements.size() == 1;
        for (Map.Entry<String, JsonNode> e : policy.json().properties()) {
            if (e.getKey().equals("Statement")) {
                if (single) {
                    doc.set("Statement", statements.getFirst());
                } else {
                    ArrayNode list = doc.putArray("Statement");
                    statements.forEach(list::add);
                }
            } else {
                doc.set(e.getKey(), e.getValue());
            }
        }
        return new Result(WRITER.writeValueAsString(doc), true);
    }

    private BitSet actions(Statement s) {
        BitSet set = new BitSet(catalog.size());
        for (String p : s.actions()) {
            catalog.addMatches(set, p);
        }
        if (s.notAction()) {
            BitSet all = new BitSet(catalog.size());
            all.set(0, catalog.size());
            all.andNot(set);
            return all;
        }
        return set;
    }

    private List<String> keptActions(Statement s, BitSet remove, boolean compress, Set<String> keepExtra) {
        Set<String> out = new LinkedHashSet<>();
        List<String> keptPatterns = new ArrayList<>();
        Set<String> extra = new LinkedHashSet<>();
        BitSet explicit = new BitSet(catalog.size());
        if (s.notAction()) {
            explicit = actions(s);
            explicit.andNot(remove);
            for (String k : keepExtra) {
                if (Glob.hasWildcard(k) ? s.actions().stream().allMatch(n -> Glob.disjoint(k, n)) : s.matchesAction(k)) {
                    extra.add(k);
                }
            }
        } else {
            for (String p : s.actions()) {
                BitSet exp = catalog.expand(p);
                if (!exp.intersects(remove)) {
                    out.add(p);
                    if (Glob.hasWildcard(p)) {
                        keptPatterns.add(p);
                    }
                    continue;
                }
                exp.andNot(remove);
                explicit.or(exp);
                for (String k : keepExtra) {
                    if (Glob.covers(p, k)) {
                        extra.add(k);
                    }
                }
            }
        }
        List<String> names = compress ? compressed(s, explicit) : explicit.stream().mapToObj(i -> catalog.action(i).qualified()).toList();
        List<String> all = new ArrayList<>(names);
        all.addAll(extra);
        // drop explicit names a kept pattern already grants
        for (String n : all) {
            if (Glob.hasWildcard(n) || keptPatterns.stream().noneMatch(p -> Glob.covers(p, n))) {
                out.add(n);
            }
        }
        return List.copyOf(out);
    }

    /**
     * A NotAction statement that loses actions: they join its NotAction list (folded, with {@code compress},
     * into wildcards whose every catalogue action is removed and that cover no {@code keepExtra} name).
     */
    private ObjectNode withNotActions(Statement s, BitSet grants, BitSet remove, boolean compress, Set<String> keepExtra) {
        BitSet lost = (BitSet) grants.clone();
        lost.and(remove);
        List<String> names = new ArrayList<>(s.actions());
        if (compress) {
            Set<String> services = new LinkedHashSet<>();
            lost.stream().forEach(i -> services.add(catalog.action(i).service()));
            for (String svc : services) {
                int[] r = catalog.range(svc);
                fold(w -> keepExtra.stream().allMatch(k -> Glob.disjoint(w, k)), svc, lost, r[0], r[1], "", names);
            }
        } else {
            lost.stream().forEach(i -> names.add(catalog.action(i).qualified()));
        }
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        names.forEach(list::add);
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, JsonNode> e : s.node().properties()) {
            out.set(e.getKey(), e.getKey().equals("NotAction") ? list : e.getValue());
        }
        return out;
    }

    /** Folds {@code keep} into the fewest wildcards that grant nothing more than the statement did. */
    List<String> compressed(Statement s, BitSet keep) {
        List<String> out = new ArrayList<>();
        Set<String> services = new LinkedHashSet<>();
        keep.stream().forEach(i -> services.add(catalog.action(i).service()));
        for (String svc : services) {
            int[] r = catalog.range(svc);
            fold(w -> allowedWildcard(s, w), svc, keep, r[0], r[1], "", out);
        }
        return out;
    }

    private void fold(java.util.function.Predicate<String> wildcardOk, String svc, BitSet keep, int from, int to, String prefix,
                      List<String> out) {
        int kept = keep.get(from, to).cardinality();
        if (kept == 0) {
            return;
        }
        String wildcard = svc + ":" + prefix + "*";
        if (kept == to - from && to - from > 1 && wildcardOk.test(wildcard)) {
            out.add(catalog.action(from).service() + ":" + catalog.action(from).name().substring(0, prefix.length()) + "*");
            return;
        }
        if (to - from == 1) {
            out.add(catalog.action(from).qualified());
            return;
        }
        int i = from;
        int depth = prefix.length();
        if (catalog.action(i).name().length() == depth) { // the name that is the prefix itself
            if (keep.get(i)) {
                out.add(catalog.action(i).qualified());
            }
            i++;
        }
        while (i < to) {
            char c = Character.toLowerCase(catalog.action(i).name().charAt(depth));
            int j = i;
            while (j < to && catalog.action(j).name().length() > depth
                    && Character.toLowerCase(catalog.action(j).name().charAt(depth)) == c) {
                j++;
            }
            fold(wildcardOk, svc, keep, i, j, catalog.action(i).name().substring(0, depth + 1).toLowerCase(Locale.ROOT), out);
            i = j;
        }
    }

    /** The old action element covered the whole wildcard (future actions included). */
    private static boolean allowedWildcard(Statement s, String wildcard) {
        if (s.notAction()) {
            return s.actions().stream().allMatch(n -> Glob.disjoint(wildcard, n));
        }
        return s.actions().stream().anyMatch(p -> Glob.covers(p, wildcard));
    }

    private static ObjectNode withActions(Statement s, List<String> actions) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        boolean wasString = s.node().get(s.notAction() ? "NotAction" : "Action").isString();
        JsonNode value;
        if (actions.size() == 1 && wasString) {
            value = JsonNodeFactory.instance.stringNode(actions.getFirst());
        } else {
            ArrayNode list = JsonNodeFactory.instance.arrayNode();
            actions.forEach(list::add);
            value = list;
        }
        for (Map.Entry<String, JsonNode> e : s.node().properties()) {
            if (e.getKey().equals("Action") || e.getKey().equals("NotAction")) {
                out.set("Action", value);
            } else {
                out.set(e.getKey(), e.getValue());
            }
        }
        return out;
    }
}
