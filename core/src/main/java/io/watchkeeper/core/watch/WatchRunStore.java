package io.watchkeeper.core.watch;

/** Records watch runs and the result of each scope, failed ones with their error. */
public interface WatchRunStore {

    long startRun(String trigger, String actor);

    void recordScope(long runId, ScopeResult result);

    void finishRun(long runId, RunSummary summary);
}
