package io.watchkeeper.core.finding;

/** Who is on the other side of a grant or a network rule. */
public enum EntityClass {
    /** The account that owns the resource. */
    SAME_ACCOUNT,
    /** Another registered account, or a named trusted network. */
    FRIENDLY,
    /** A registered account flagged as third party (friendly, not owned). */
    THIRD_PARTY,
    /** An AWS service principal acting for the account (e.g. cloudtrail.amazonaws.com). */
    SERVICE,
    /** An account or network nobody registered. */
    UNKNOWN,
    /** Everyone: {@code *}, AllUsers, 0.0.0.0/0, ::/0. */
    INTERNET;

    /** The exposure of a grant to this class of entity, or null when it exposes nothing beyond the account. */
    public Exposure exposure() {
        return switch (this) {
            case SAME_ACCOUNT, SERVICE -> null;
            case FRIENDLY -> Exposure.FRIENDLY;
            case THIRD_PARTY -> Exposure.THIRD_PARTY;
            case UNKNOWN -> Exposure.UNKNOWN_ACCOUNT;
            case INTERNET -> Exposure.INTERNET;
        };
    }
}
