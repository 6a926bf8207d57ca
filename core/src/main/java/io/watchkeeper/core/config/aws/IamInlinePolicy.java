package io.watchkeeper.core.config.aws;

import io.watchkeeper.core.model.PolicyDocument;

/**
 * An inline (embedded) policy of an IAM role, user or group.
 *
 * @param name the policy's name, unique within its principal
 * @param document the policy document
 */
public record IamInlinePolicy(String name, PolicyDocument document) {}
