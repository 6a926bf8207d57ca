package io.watchkeeper.iamtuner.policy;

import io.watchkeeper.iamtuner.catalog.Glob;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import tools.jackson.databind.node.ObjectNode;

/**
 * One statement of an identity policy, read for evaluation; {@link #node()} is the statement exactly as
 * written (the rewriter changes only its action element and leaves every other element as it was).
 * Action lists can hold thousands of names (a rewritten {@code NotAction}), so literal names are matched
 * through a set and only wildcard patterns one by one.
 */
public final class Statement {

    private final int index;
    private final String sid;
    private final boolean allow;
    private final List<String> actions;
    private final boolean notAction;
    private final List<String> resources;
    private final boolean notResource;
    private final String condition;
    private final ObjectNode node;
    private final Set<String> literalActions = new HashSet<>();
    private final List<String> wildcardActions = new ArrayList<>();

    /**
     * @param allow Effect Allow (false: Deny)
     * @param actions the Action patterns, or the NotAction patterns when {@code notAction}
     * @param resources the Resource patterns, or the NotResource patterns when {@code notResource}
     * @param condition the Condition block in canonical form ("" when there is none): statements with the same
     *        condition text are the same condition to the proof
     */
    public Statement(int index, String sid, boolean allow, List<String> actions, boolean notAction, List<String> resources,
                     boolean notResource, String condition, ObjectNode node) {
        this.index = index;
        this.sid = sid;
        this.allow = allow;
        this.actions = List.copyOf(actions);
        this.notAction = notAction;
        this.resources = List.copyOf(resources);
        this.notResource = notResource;
        this.condition = condition == null ? "" : condition;
        this.node = node;
        for (String a : this.actions) {
            if (Glob.hasWildcard(a)) {
                wildcardActions.add(a);
            } else {
                literalActions.add(a.toLowerCase(Locale.ROOT));
            }
        }
    }

    public int index() {
        return index;
    }

    public String sid() {
        return sid;
    }

    public boolean allow() {
        return allow;
    }

    public List<String> actions() {
        return actions;
    }

    public boolean notAction() {
        return notAction;
    }

    public List<String> resources() {
        return resources;
    }

    public boolean notResource() {
        return notResource;
    }

    public String condition() {
        return condition;
    }

    public ObjectNode node() {
        return node;
    }

    public boolean conditional() {
        return !condition.isEmpty();
    }

    /** Whether the statement's action element covers {@code action} ({@code s3:GetObject}). */
    public boolean matchesAction(String action) {
        boolean any = literalActions.contains(action.toLowerCase(Locale.ROOT))
                || wildcardActions.stream().anyMatch(p -> Glob.matches(p, action));
        return notAction != any;
    }

    /** Whether its resource element covers {@code resource} (an ARN, or a pattern read as a literal ARN). */
    public boolean matchesResource(String resource) {
        boolean any = resources.stream().anyMatch(p -> Glob.matches(p, resource));
        return notResource != any;
    }

    /** {@code NOREPO}-style statement ids mark statements (and so their principal) as never to be tuned. */
    public boolean noRepo() {
        return sid != null && sid.regionMatches(true, 0, "NOREPO", 0, 6);
    }
}
