package io.watchkeeper.core.watch;

import io.watchkeeper.core.model.ErrorCategory;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of watching one scope.
 *
 * @param scope the scope
 * @param status how it ended
 * @param counts what was stored
 * @param errorCategory why it failed (null when OK)
 * @param message a one-line explanation (null when OK)
 * @param duration wall time
 * @param apiCalls HTTP requests sent to the provider, retries included
 * @param throttles requests the provider throttled
 * @param changedItemIds items that got a new revision
 */
public record ScopeResult(
        WatchScope scope, ScopeStatus status, ScopeCounts counts, ErrorCategory errorCategory, String message,
        Duration duration, long apiCalls, long throttles, List<Long> changedItemIds) {

    public ScopeResult {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(status, "status");
        counts = counts == null ? ScopeCounts.ZERO : counts;
        duration = duration == null ? Duration.ZERO : duration;
        changedItemIds = changedItemIds == null ? List.of() : List.copyOf(changedItemIds);
    }

    public boolean failed() {
        return status == ScopeStatus.FAILED || status == ScopeStatus.PARTIAL;
    }
}
