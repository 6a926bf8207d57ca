package io.watchkeeper.core.remediation;

import java.util.List;
import java.util.Objects;

/**
 * What a remediation would do to one resource: data only, printable, approvable, auditable.
 *
 * @param remediationId the remediation
 * @param resourceId the resource (ARN)
 * @param region the region the calls go to
 * @param summary one line for people
 * @param calls the exact calls, in order
 */
public record RemediationPlan(String remediationId, String resourceId, String region, String summary,
                              List<ApiCall> calls) {

    public RemediationPlan {
        Objects.requireNonNull(remediationId, "remediationId");
        Objects.requireNonNull(resourceId, "resourceId");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(summary, "summary");
        calls = List.copyOf(calls);
    }

    public boolean empty() {
        return calls.isEmpty();
    }
}
