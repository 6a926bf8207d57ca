package io.watchkeeper.core.watch;

import io.watchkeeper.core.model.ErrorCategory;
import java.time.Duration;
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
 */
public record ScopeResult(
        WatchScope scope, ScopeStatus status, ScopeCounts counts, ErrorCategory errorCategory, String message,
        Duration duration, long apiCalls, long throttles) {

    public ScopeResult {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(status, "status");
        counts = counts == null ? ScopeCounts.ZERO : counts;
        duration = duration == null ? Duration.ZERO : duration;
    }

    public boolean failed() {
        return status == ScopeStatus.FAILED || status == ScopeStatus.PARTIAL;
    }
}
