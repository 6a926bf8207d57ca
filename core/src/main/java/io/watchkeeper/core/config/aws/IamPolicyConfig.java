package io.watchkeeper.core.config.aws;

import io.watchkeeper.core.json.Ephemeral;
import io.watchkeeper.core.model.PolicyDocument;
import java.time.Instant;

/**
 * A customer-managed IAM policy ({@code aws.iam.policy}) with the document of its default
 * version. AWS-managed policies are not watched.
 *
 * @param policyName the policy's name
 * @param policyId the stable unique id (ANPA…)
 * @param arn the policy's ARN
 * @param path the policy's path
 * @param description the description given at creation, or null
 * @param defaultVersionId the default (effective) version, such as {@code v3}
 * @param document the default version's document
 * @param isAttachable whether it can be attached to principals
 * @param createDate creation time
 * @param updateDate when the default version last changed
 * @param attachmentCount how many principals it is attached to
 */
public record IamPolicyConfig(
        String policyName,
        String policyId,
        String arn,
        String path,
        String description,
        String defaultVersionId,
        PolicyDocument document,
        Boolean isAttachable,
        Instant createDate,
        Instant updateDate,
        @Ephemeral Integer attachmentCount) {}
