package io.watchkeeper.core.config.aws;

import java.time.Instant;
import java.util.List;

/**
 * An IAM group ({@code aws.iam.group}). Its members are recorded on the users
 * ({@link IamUserConfig#groups()}), not here.
 *
 * @param groupName the group's name
 * @param groupId the stable unique id (AGPA…)
 * @param arn the group's ARN
 * @param path the group's path
 * @param createDate creation time
 * @param inlinePolicies inline policies, sorted by name
 * @param attachedPolicyArns ARNs of the attached managed policies, sorted
 */
public record IamGroupConfig(
        String groupName,
        String groupId,
        String arn,
        String path,
        Instant createDate,
        List<IamInlinePolicy> inlinePolicies,
        List<String> attachedPolicyArns) {}
