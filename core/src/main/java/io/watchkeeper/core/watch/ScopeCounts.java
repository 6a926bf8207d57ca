package io.watchkeeper.core.watch;

/**
 * What storing one scope did.
 *
 * @param created resources seen for the first time (or again after a deletion)
 * @param changed resources whose durable configuration changed (a new revision)
 * @param ephemeral resources where only ephemeral values changed (latest revision updated in place)
 * @param deleted resources missing from a successful listing (a deletion revision)
 * @param unchanged resources identical to their latest revision (nothing written)
 */
public record ScopeCounts(int created, int changed, int ephemeral, int deleted, int unchanged) {

    public static final ScopeCounts ZERO = new ScopeCounts(0, 0, 0, 0, 0);

    public ScopeCounts plus(ScopeCounts o) {
        return new ScopeCounts(created + o.created, changed + o.changed, ephemeral + o.ephemeral,
                deleted + o.deleted, unchanged + o.unchanged);
    }

    public int total() {
        return created + changed + ephemeral + unchanged;
    }
}
