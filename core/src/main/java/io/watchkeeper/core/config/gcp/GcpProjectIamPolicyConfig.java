package io.watchkeeper.core.config.gcp;

/**
 * A project's IAM policy ({@code gcp.project.iam-policy}), with its audit configs.
 *
 * @param projectId the project id
 * @param policy the policy (version 3)
 */
public record GcpProjectIamPolicyConfig(String projectId, GcpIamPolicy policy) {}
