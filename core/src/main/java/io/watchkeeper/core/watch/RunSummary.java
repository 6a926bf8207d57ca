package io.watchkeeper.core.watch;

import java.time.Duration;
import java.util.List;

/** The outcome of a watch run over many scopes. */
public record RunSummary(long runId, List<ScopeResult> scopes, Duration duration) {

    public RunSummary {
        scopes = List.copyOf(scopes);
    }

    public long count(ScopeStatus status) {
        return scopes.stream().filter(s -> s.status() == status).count();
    }

    public ScopeCounts counts() {
        return scopes.stream().map(ScopeResult::counts).reduce(ScopeCounts.ZERO, ScopeCounts::plus);
    }

    public boolean anyFailed() {
        return scopes.stream().anyMatch(ScopeResult::failed);
    }

    /** Items that got a new revision in this run: what the auditor looks at next. */
    public List<Long> changedItemIds() {
        return scopes.stream().flatMap(s -> s.changedItemIds().stream()).toList();
    }

    public long apiCalls() {
        return scopes.stream().mapToLong(ScopeResult::apiCalls).sum();
    }
}
