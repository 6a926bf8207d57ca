package io.watchkeeper.core.inventory;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Who owns an AWS access key, from the stored {@code aws.iam.user} items (what the last watch saw).
 *
 * @param accessKeyId the key id (not secret; the key's secret half is never stored)
 * @param itemId the IAM user's item
 * @param accountName the watched account's name
 * @param accountId the AWS account id
 * @param userName the IAM user's name
 * @param userArn the IAM user's ARN
 * @param active whether the key was active at the last watch
 * @param lastUsed when the key was last used, or null (never or unknown)
 * @param attachedPolicyArns managed policies attached to the user
 * @param inlinePolicyNames the user's inline policies
 * @param groups the user's groups (their policies apply too)
 * @param observedAt when the item's revision was observed
 */
public record AccessKeyOwner(
        String accessKeyId,
        long itemId,
        String accountName,
        String accountId,
        String userName,
        String userArn,
        boolean active,
        Instant lastUsed,
        List<String> attachedPolicyArns,
        List<String> inlinePolicyNames,
        List<String> groups,
        Instant observedAt) {

    public AccessKeyOwner {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        attachedPolicyArns = List.copyOf(attachedPolicyArns);
        inlinePolicyNames = List.copyOf(inlinePolicyNames);
        groups = List.copyOf(groups);
    }
}
