package io.watchkeeper.core.config.aws;

/**
 * The IAM account password policy ({@code aws.iam.password-policy}), one per account.
 *
 * @param accountId the account
 * @param settings the policy, or null when the account has none (AWS defaults apply)
 */
public record PasswordPolicyConfig(String accountId, Settings settings) {

    /**
     * The password rules for IAM users' console passwords.
     *
     * @param minimumPasswordLength minimum number of characters
     * @param requireSymbols whether a non-alphanumeric character is required
     * @param requireNumbers whether a digit is required
     * @param requireUppercaseCharacters whether an upper-case letter is required
     * @param requireLowercaseCharacters whether a lower-case letter is required
     * @param allowUsersToChangePassword whether users may change their own password
     * @param expirePasswords whether passwords expire
     * @param maxPasswordAge days a password is valid, or null when passwords do not expire
     * @param passwordReusePrevention how many previous passwords cannot be reused, or null
     * @param hardExpiry whether users with an expired password need an administrator to reset it
     */
    public record Settings(
            Integer minimumPasswordLength,
            Boolean requireSymbols,
            Boolean requireNumbers,
            Boolean requireUppercaseCharacters,
            Boolean requireLowercaseCharacters,
            Boolean allowUsersToChangePassword,
            Boolean expirePasswords,
            Integer maxPasswordAge,
            Integer passwordReusePrevention,
            Boolean hardExpiry) {}
}
