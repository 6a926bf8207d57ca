package io.watchkeeper.iamtuner.plan;

import io.watchkeeper.iamtuner.aws.PrincipalType;
import io.watchkeeper.iamtuner.policy.Proof;
import java.util.List;

/**
 * The plan for one principal (or one shared customer-managed policy, {@link PrincipalType#POLICY}).
 *
 * @param reason why it is not eligible, or null
 * @param actions every granted action decided (empty for a shared policy row)
 * @param edits the policy changes (empty: nothing to do)
 * @param proof the proof over all edits that affect it, or null when nothing changes
 * @param denied AccessDenied seen in the window: needed and not granted — reported, never added
 * @param notes other things worth saying (a shared policy kept, a size limit, the evidence used)
 * @param beforeHash fingerprint of its policies now; apply refuses when they changed
 * @param owner who gets notice before a change: its {@code owner} (or {@code watchkeeper:owner}) tag, or null
 */
public record PrincipalPlan(PrincipalType type, String arn, boolean eligible, String reason, int granted, int used,
                            int unused, int unknown, List<String> removed, List<ActionDecision> actions,
                            List<PolicyEdit> edits, Proof proof, List<String> denied, List<String> notes,
                            String beforeHash, String owner) {

    public PrincipalPlan {
        removed = List.copyOf(removed);
        actions = List.copyOf(actions);
        edits = List.copyOf(edits);
        denied = List.copyOf(denied);
        notes = List.copyOf(notes);
    }

    public boolean changes() {
        return !edits.isEmpty();
    }
}
