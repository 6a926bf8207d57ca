package io.watchkeeper.core.config.gcp;

import java.time.Instant;
import java.util.List;

/**
 * A service account ({@code gcp.iam.service-account}) with its user-managed keys and its own IAM
 * policy (who may act as it). Google-managed keys rotate by themselves and are not recorded.
 *
 * @param email the account's e-mail
 * @param uniqueId the numeric unique id (changes when an account of the same name is re-created)
 * @param displayName the display name
 * @param description the description
 * @param disabled whether the account is disabled
 * @param keys user-managed keys, sorted by key id (never key material)
 * @param policy the account's IAM policy
 */
public record GcpServiceAccountConfig(
        String email,
        String uniqueId,
        String displayName,
        String description,
        boolean disabled,
        List<Key> keys,
        GcpIamPolicy policy) {

    /**
     * A user-managed key.
     *
     * @param keyId the key id (last part of its name)
     * @param keyType USER_MANAGED
     * @param keyAlgorithm KEY_ALG_RSA_2048, …
     * @param keyOrigin GOOGLE_PROVIDED or USER_PROVIDED (uploaded)
     * @param validAfterTime when the key was created
     * @param validBeforeTime when it expires (9999-12-31 for keys that never do)
     * @param disabled whether the key is disabled
     */
    public record Key(String keyId, String keyType, String keyAlgorithm, String keyOrigin, Instant validAfterTime,
                      Instant validBeforeTime, boolean disabled) {}
}
