package io.watchkeeper.auditors.policy;

import io.watchkeeper.core.finding.EntityClass;

/**
 * Who a grant reaches once its conditions and the policy's Deny statements are applied: the
 * classes the public, cross-account and trust checks (and their scores, through
 * {@link EntityClass#exposure()}) speak of, instead of "the principal is {@code *}".
 */
public enum Reach {
    /** Anyone, signed or not (Principal {@code *} with nothing that pins the caller). */
    PUBLIC("anyone"),
    /** Any authenticated AWS principal of any account (a pin whose wildcard matches every account). */
    ANY_AUTHENTICATED("any AWS principal"),
    /** Named accounts nobody registered. */
    UNKNOWN_ACCOUNTS("unknown account"),
    /** Callers from named source addresses. */
    IP_RESTRICTED("named networks"),
    /** Callers through named VPCs or VPC endpoints. */
    VPC_RESTRICTED("named VPCs"),
    /** Principals of named organisations (or organisation paths). */
    ORGANISATION("organisation"),
    /** AWS service principals only. */
    SERVICE("AWS services"),
    /** Declared third-party accounts. */
    THIRD_PARTY("third party"),
    /** Other registered accounts. */
    KNOWN_ACCOUNTS("registered account"),
    /** This account. */
    SAME_ACCOUNT("this account");

    private final String words;

    Reach(String words) {
        this.words = words;
    }

    /** How evidence names it. */
    public String words() {
        return words;
    }

    /** The reach of a grant to a principal of this class. */
    public static Reach of(EntityClass entity) {
        return switch (entity) {
            case SAME_ACCOUNT -> SAME_ACCOUNT;
            case FRIENDLY -> KNOWN_ACCOUNTS;
            case THIRD_PARTY -> THIRD_PARTY;
            case SERVICE -> SERVICE;
            case UNKNOWN -> UNKNOWN_ACCOUNTS;
            case INTERNET -> PUBLIC;
        };
    }
}
