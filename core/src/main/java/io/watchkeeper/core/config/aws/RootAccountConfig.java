package io.watchkeeper.core.config.aws;

import io.watchkeeper.core.json.Ephemeral;
import java.time.Instant;
import java.util.List;

/**
 * The account's root user ({@code aws.iam.root-account}), one item per account: its row of the IAM
 * credential report, the account summary's root flags, and the root user's virtual MFA devices
 * (so that an MFA that is not listed there is a hardware device or security key).
 *
 * @param accountId the account
 * @param arn the root user's ARN
 * @param inCredentialReport whether the credential report had a root row (real AWS always has; some
 *     emulators have none, and then the report's fields below are null)
 * @param createdAt when the account was created (credential report), or null
 * @param mfaActive whether the root user has an MFA device (credential report), or null
 * @param accessKeys the root user's access keys by slot (credential report); empty when none, null when unknown
 * @param activeSigningCertificates active X.509 signing certificates of the root user, or null
 * @param passwordLastUsed the root user's last console sign-in, or null when never or unknown
 * @param accountMfaEnabled the account summary's {@code AccountMFAEnabled}
 * @param accountAccessKeysPresent the account summary's {@code AccountAccessKeysPresent}
 * @param accountSigningCertificatesPresent the account summary's {@code AccountSigningCertificatesPresent}
 * @param virtualMfaDevices serial numbers of the virtual MFA devices assigned to the root user, sorted
 */
public record RootAccountConfig(
        String accountId,
        String arn,
        boolean inCredentialReport,
        Instant createdAt,
        Boolean mfaActive,
        List<IamUserConfig.AccessKey> accessKeys,
        Integer activeSigningCertificates,
        @Ephemeral Instant passwordLastUsed,
        Boolean accountMfaEnabled,
        Boolean accountAccessKeysPresent,
        Boolean accountSigningCertificatesPresent,
        List<String> virtualMfaDevices) {}
