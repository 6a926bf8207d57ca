package io.watchkeeper.core.watch;

/** Whether a resource type is watched once per account or once per region. */
public enum ScopeKind {
    /** One scope per account, region {@value WatchScope#GLOBAL}. */
    GLOBAL,
    /** One scope per enabled region. */
    REGIONAL
}
