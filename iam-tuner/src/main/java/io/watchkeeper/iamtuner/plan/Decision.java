package io.watchkeeper.iamtuner.plan;

/** What the evidence says about one granted action. Only {@link #UNUSED} is ever removed. */
public enum Decision {
    USED,
    UNUSED,
    UNKNOWN
}
