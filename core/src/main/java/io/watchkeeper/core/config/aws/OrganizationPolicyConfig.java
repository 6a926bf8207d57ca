package io.watchkeeper.core.config.aws;

import io.watchkeeper.core.model.PolicyDocument;
import java.util.List;

/**
 * An AWS Organizations policy ({@code aws.organizations.policy}) of a policy type enabled in the
 * organization's root: service and resource control policies (SCPs, RCPs), tag, backup, AI opt-out
 * and other management policies. Read only where the account may read them (the management account,
 * or a delegated administrator); elsewhere the type has no items.
 *
 * @param policyId p-…
 * @param arn its ARN
 * @param name its name
 * @param description its description, or null
 * @param type SERVICE_CONTROL_POLICY, RESOURCE_CONTROL_POLICY, TAG_POLICY, …
 * @param awsManaged whether AWS manages it (FullAWSAccess, …)
 * @param content the policy document
 * @param targets the roots, organizational units and accounts it is attached to, sorted by id
 */
public record OrganizationPolicyConfig(
        String policyId,
        String arn,
        String name,
        String description,
        String type,
        Boolean awsManaged,
        PolicyDocument content,
        List<Target> targets) {

    /**
     * One attachment.
     *
     * @param targetId r-…, ou-… or an account id
     * @param type ROOT, ORGANIZATIONAL_UNIT or ACCOUNT
     * @param name its name
     * @param arn its ARN
     */
    public record Target(String targetId, String type, String name, String arn) {}
}
