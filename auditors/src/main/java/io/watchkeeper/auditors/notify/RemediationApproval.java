package io.watchkeeper.auditors.notify;

import java.util.List;
import java.util.Objects;

/**
 * A remediation plan that waits for a person's approval.
 *
 * @param planId the plan
 * @param checkId the check whose finding it fixes
 * @param resource the resource it changes (ARN)
 * @param apiCalls what it will call, one short line each (e.g. {@code s3:PutBucketAcl private})
 * @param linkPath where to approve it, a path in the web console (e.g. {@code /remediations/42})
 */
public record RemediationApproval(String planId, String checkId, String resource, List<String> apiCalls,
                                  String linkPath) {

    public RemediationApproval {
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(checkId, "checkId");
        Objects.requireNonNull(resource, "resource");
        apiCalls = List.copyOf(apiCalls);
        Objects.requireNonNull(linkPath, "linkPath");
        if (!linkPath.startsWith("/") || linkPath.startsWith("//")) {
            throw new IllegalArgumentException("linkPath must be an absolute path, not '" + linkPath + "'");
        }
    }
}
