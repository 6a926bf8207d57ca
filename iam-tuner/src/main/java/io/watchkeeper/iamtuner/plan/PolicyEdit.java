package io.watchkeeper.iamtuner.plan;

import java.util.Objects;

/**
 * One change to one policy, with the exact documents before and after.
 *
 * <ul>
 *   <li>{@link Kind#INLINE}: {@code PutRolePolicy}/{@code PutUserPolicy} of {@code after}, or delete when
 *       {@code after} is null; rollback puts {@code before} back (the policy name exists before and after
 *       rollback: nothing is deleted that existed before).</li>
 *   <li>{@link Kind#MANAGED_VERSION}: a new default version of a customer-managed policy; rollback makes
 *       {@code beforeVersionId} the default again.</li>
 *   <li>{@link Kind#AWS_MANAGED_COPY}: detach the AWS-managed policy and attach {@code copyName}, a
 *       customer-managed copy holding {@code after} (or nothing, when {@code after} is null); rollback
 *       attaches the AWS-managed policy again and removes the copy.</li>
 * </ul>
 */
public record PolicyEdit(Kind kind, String principalType, String principalName, String policyName, String policyArn,
                         String beforeVersionId, String before, String after, String copyName) {

    public enum Kind {
        INLINE,
        MANAGED_VERSION,
        AWS_MANAGED_COPY
    }

    public PolicyEdit {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(before, "before");
    }

    /** A short label: {@code inline app-policy}, {@code managed arn:…}. */
    public String label() {
        return switch (kind) {
            case INLINE -> "inline " + policyName + (after == null ? " (deleted)" : "");
            case MANAGED_VERSION -> "new default version of " + policyArn;
            case AWS_MANAGED_COPY -> "AWS-managed " + policyArn + " replaced by " + (after == null ? "nothing" : copyName);
        };
    }
}
