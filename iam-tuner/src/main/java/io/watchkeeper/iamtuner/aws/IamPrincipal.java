package io.watchkeeper.iamtuner.aws;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A role or user as IAM holds it now.
 *
 * @param inline inline policy name → its exact document text
 * @param attached attached managed policy ARNs
 * @param boundaryArn the permissions boundary's ARN, or null
 * @param groups group names (users)
 */
public record IamPrincipal(PrincipalType type, String arn, String name, String path, Instant created,
                           Map<String, String> tags, SortedMap<String, String> inline, List<String> attached,
                           String boundaryArn, List<String> groups) {

    public IamPrincipal {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(arn, "arn");
        tags = Map.copyOf(tags);
        inline = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(inline));
        attached = List.copyOf(attached);
        groups = List.copyOf(groups);
    }

    /** Service-linked roles belong to AWS services and are never tuned. */
    public boolean serviceLinked() {
        return type == PrincipalType.ROLE && path != null && path.startsWith("/aws-service-role/");
    }

    /** The account number in the ARN. */
    public String accountNumber() {
        return arn.split(":")[4];
    }
}
