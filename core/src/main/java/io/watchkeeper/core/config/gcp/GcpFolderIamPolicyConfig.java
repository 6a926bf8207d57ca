package io.watchkeeper.core.config.gcp;

/**
 * The IAM policy of a folder a project sits in ({@code gcp.folder.iam-policy}; one item per ancestor folder).
 * Bindings and audit configs set here are inherited by every project below it.
 *
 * @param folderId the folder's number
 * @param displayName the folder's display name
 * @param parent the folder's parent ({@code folders/N} or {@code organizations/N})
 * @param policy the policy (version 3), with audit configs
 */
public record GcpFolderIamPolicyConfig(String folderId, String displayName, String parent, GcpIamPolicy policy) {}
