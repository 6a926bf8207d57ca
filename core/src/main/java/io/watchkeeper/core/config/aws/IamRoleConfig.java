package io.watchkeeper.core.config.aws;

import io.watchkeeper.core.json.Ephemeral;
import io.watchkeeper.core.model.PolicyDocument;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An IAM role ({@code aws.iam.role}), as GetAccountAuthorizationDetails reports it. The role's
 * description and maximum session duration are not part of that answer and are not recorded.
 *
 * @param roleName the role's name
 * @param roleId the stable unique id (AROA…)
 * @param arn the role's ARN
 * @param path the role's path ({@code /} by default)
 * @param createDate creation time
 * @param trustPolicy the trust (assume-role) policy
 * @param inlinePolicies inline policies, sorted by name
 * @param attachedPolicyArns ARNs of the attached managed policies, sorted
 * @param permissionsBoundaryArn ARN of the permissions boundary policy, or null when there is none
 * @param instanceProfileArns ARNs of the instance profiles holding the role, sorted
 * @param tags tags
 * @param lastUsedDate when the role was last assumed (tracked for about 400 days), or null
 * @param lastUsedRegion the region it was last used in, or null
 */
public record IamRoleConfig(
        String roleName,
        String roleId,
        String arn,
        String path,
        Instant createDate,
        PolicyDocument trustPolicy,
        List<IamInlinePolicy> inlinePolicies,
        List<String> attachedPolicyArns,
        String permissionsBoundaryArn,
        List<String> instanceProfileArns,
        Map<String, String> tags,
        @Ephemeral Instant lastUsedDate,
        @Ephemeral String lastUsedRegion) {}
