package io.watchkeeper.iamtuner.policy;

import java.util.List;

/**
 * The proof a plan carries for one principal: the new policies allow nothing the old did not, for every
 * catalogue action (plus probes for actions the catalogue does not know) and every resource the
 * principal's policies name (plus one they do not), and every used action is decided exactly as before.
 *
 * @param holds both parts hold
 * @param actions catalogue actions checked per resource
 * @param extraActions actions outside the catalogue checked (used ones, and one probe per service)
 * @param resources resources checked
 * @param used used actions checked
 * @param newAccess requests the new policies would allow that the old did not (at most 20 shown)
 * @param lostUse used actions the new policies decide differently (at most 20 shown)
 */
public record Proof(boolean holds, int actions, int extraActions, int resources, int used, List<String> newAccess,
                    List<String> lostUse) {

    public Proof {
        newAccess = List.copyOf(newAccess);
        lostUse = List.copyOf(lostUse);
    }

    /** One line for tables. */
    public String summary() {
        return holds ? "holds: no new access over " + actions + " actions x " + resources + " resources; " + used
                + " used actions unchanged"
                : "FAILS: " + (newAccess.isEmpty() ? "" : "new access " + newAccess + " ") + (lostUse.isEmpty() ? "" : "used actions lost " + lostUse);
    }
}
