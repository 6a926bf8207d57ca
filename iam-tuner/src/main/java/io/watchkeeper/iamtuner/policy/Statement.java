package io.watchkeeper.iamtuner.policy;

import io.watchkeeper.iamtuner.catalog.Glob;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * One statement of an identity policy, read for evaluation; {@code node} is the statement exactly as
 * written (the rewriter changes only its action list and leaves every other element as it was).
 *
 * @param allow Effect Allow (false: Deny)
 * @param actions the Action patterns, or the NotAction patterns when {@code notAction}
 * @param resources the Resource patterns, or the NotResource patterns when {@code notResource}
 * @param condition the Condition block in canonical form ("" when there is none): statements with the same
 *        condition text are the same condition to the proof
 */
public record Statement(int index, String sid, boolean allow, List<String> actions, boolean notAction,
                        List<String> resources, boolean notResource, String condition, ObjectNode node) {

    public Statement {
        actions = List.copyOf(actions);
        resources = List.copyOf(resources);
        condition = condition == null ? "" : condition;
    }

    public boolean conditional() {
        return !condition.isEmpty();
    }

    /** Whether the statement's action element covers {@code action} ({@code s3:GetObject}). */
    public boolean matchesAction(String action) {
        boolean any = actions.stream().anyMatch(p -> Glob.matches(p, action));
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
