package io.watchkeeper.core.config.gcp;

/**
 * The IAM policy of the organisation a project belongs to ({@code gcp.organization.iam-policy}).
 *
 * @param organizationId the organisation's number
 * @param displayName the organisation's display name: its primary domain (e.g. {@code example.com})
 * @param policy the policy (version 3), with audit configs
 */
public record GcpOrganizationIamPolicyConfig(String organizationId, String displayName, GcpIamPolicy policy) {}
