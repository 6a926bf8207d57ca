package io.watchkeeper.core.config.aws;

/**
 * The account-level S3 Block Public Access ({@code aws.s3.account-public-access-block}), one per
 * account.
 *
 * @param accountId the account
 * @param settings the settings, or null when the account has none configured
 */
public record S3AccountPublicAccessBlockConfig(String accountId, PublicAccessBlock settings) {}
