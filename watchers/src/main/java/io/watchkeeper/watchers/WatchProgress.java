package io.watchkeeper.watchers;

import io.watchkeeper.core.watch.ScopeResult;

/** Live progress of a run, for progress bars and logs. Called from many threads. */
public interface WatchProgress {

    WatchProgress NONE = new WatchProgress() {};

    /** More scopes are known (called once per account as it is opened; add them up). */
    default void planned(int scopes) {}

    default void scopeFinished(ScopeResult result) {}
}
