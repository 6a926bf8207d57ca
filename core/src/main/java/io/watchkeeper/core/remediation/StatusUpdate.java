package io.watchkeeper.core.remediation;

/**
 * What a status change sets besides the status; null fields are left as they are.
 *
 * @param approvedBy who approved
 * @param rollbackPlan the rollback calls
 * @param error the error or note
 * @param setsAfterHash whether {@code afterHash} is written (a null then clears it: the state is unknown)
 * @param afterHash the durable hash of the resource as Watchkeeper left it
 */
public record StatusUpdate(String approvedBy, RemediationPlan rollbackPlan, String error, boolean setsAfterHash,
                           String afterHash) {

    /** Only the status. */
    public static final StatusUpdate NONE = new StatusUpdate(null, null, null, false, null);

    public static StatusUpdate approvedBy(String who) {
        return new StatusUpdate(who, null, null, false, null);
    }

    public static StatusUpdate error(String error) {
        return new StatusUpdate(null, null, error, false, null);
    }

    public static StatusUpdate rollbackPlan(RemediationPlan plan) {
        return new StatusUpdate(null, plan, null, false, null);
    }

    /** The same update, also recording the after hash (null: unknown). */
    public StatusUpdate afterHash(String hash) {
        return new StatusUpdate(approvedBy, rollbackPlan, error, true, hash);
    }
}
