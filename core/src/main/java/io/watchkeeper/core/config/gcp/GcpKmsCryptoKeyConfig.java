package io.watchkeeper.core.config.gcp;

import io.watchkeeper.core.json.Ephemeral;
import java.time.Instant;
import java.util.Map;

/**
 * A Cloud KMS key ({@code gcp.kms.crypto-key}) with its key ring's and its own IAM policy.
 *
 * @param name the key's resource name ({@code projects/p/locations/l/keyRings/r/cryptoKeys/k})
 * @param keyRing the key ring's name
 * @param location the location
 * @param purpose ENCRYPT_DECRYPT, ASYMMETRIC_SIGN, ASYMMETRIC_DECRYPT, MAC, …
 * @param protectionLevel SOFTWARE, HSM, EXTERNAL, … (of the version template)
 * @param algorithm the version template's algorithm
 * @param rotationPeriodSeconds the automatic rotation period, or null when rotation is off
 * @param primaryState the primary version's state (ENABLED, DISABLED, DESTROY_SCHEDULED, …), or null
 * @param importOnly whether only imported versions are allowed
 * @param destroyScheduledDuration how long a version waits before destruction, e.g. "2592000s"
 * @param labels labels
 * @param createTime when the key was created
 * @param nextRotationTime when KMS rotates next (moves with every rotation)
 * @param primaryVersion the primary version's id (changes with every rotation)
 * @param policy the key's IAM policy
 * @param keyRingPolicy the key ring's IAM policy (inherited by its keys)
 */
public record GcpKmsCryptoKeyConfig(
        String name,
        String keyRing,
        String location,
        String purpose,
        String protectionLevel,
        String algorithm,
        Long rotationPeriodSeconds,
        String primaryState,
        boolean importOnly,
        String destroyScheduledDuration,
        Map<String, String> labels,
        Instant createTime,
        @Ephemeral Instant nextRotationTime,
        @Ephemeral String primaryVersion,
        GcpIamPolicy policy,
        GcpIamPolicy keyRingPolicy) {}
