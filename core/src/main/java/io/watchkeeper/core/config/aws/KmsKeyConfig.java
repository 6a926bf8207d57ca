package io.watchkeeper.core.config.aws;

import io.watchkeeper.core.model.PolicyDocument;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A customer-managed KMS key ({@code aws.kms.key}). AWS-managed keys are not watched.
 *
 * @param keyId the key id (a UUID, or {@code mrk-…} for multi-Region keys)
 * @param arn the key ARN
 * @param description the key's description
 * @param keyState Enabled, Disabled, PendingDeletion, PendingImport, PendingReplicaDeletion, Unavailable, …
 * @param keyUsage ENCRYPT_DECRYPT, SIGN_VERIFY, GENERATE_VERIFY_MAC or KEY_AGREEMENT
 * @param keySpec SYMMETRIC_DEFAULT, RSA_2048, ECC_NIST_P256, HMAC_256, …
 * @param origin AWS_KMS, EXTERNAL (imported key material), AWS_CLOUDHSM or EXTERNAL_KEY_STORE
 * @param multiRegion whether the key is a multi-Region key
 * @param aliases the aliases pointing at the key ({@code alias/…}), sorted
 * @param policy the key policy (policy name "default")
 * @param rotationEnabled whether automatic rotation is on; null where KMS does not support automatic
 *     rotation (asymmetric, HMAC, imported or custom-key-store keys) or cannot report it in the
 *     key's current state (KMSInvalidStateException), never "false" for those
 * @param rotationPeriodInDays days between automatic rotations when rotation is on, else null
 * @param creationDate when the key was created
 * @param deletionDate when a key pending deletion will be deleted, else null
 * @param tags the key's tags
 */
public record KmsKeyConfig(
        String keyId,
        String arn,
        String description,
        String keyState,
        String keyUsage,
        String keySpec,
        String origin,
        Boolean multiRegion,
        List<String> aliases,
        PolicyDocument policy,
        Boolean rotationEnabled,
        Integer rotationPeriodInDays,
        Instant creationDate,
        Instant deletionDate,
        Map<String, String> tags) {}
