package io.watchkeeper.certmanager.keys;

import io.watchkeeper.core.model.ErrorCategory;
import io.watchkeeper.core.model.InvalidInputException;
import io.watchkeeper.core.model.WatchkeeperException;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * The master key in AWS KMS: each data key is encrypted by KMS under {@code keyId} with the owner
 * (certificate or authority) as encryption context, so a wrapped key copied to another row does not
 * decrypt. KMS rotates the key material itself; moving to another KMS key is a configuration change
 * followed by {@code certs master-key rewrap}.
 */
public final class KmsKeyWrapper implements KeyWrapper {

    public static final String PROVIDER = "aws-kms";

    private final KmsClient kms;
    private final String keyId;

    public KmsKeyWrapper(KmsClient kms, String keyId) {
        if (keyId == null || keyId.isBlank() || keyId.length() > 2048) {
            throw new InvalidInputException("watchkeeper.certs.kms-key-id must be a KMS key id, ARN or alias");
        }
        this.kms = kms;
        this.keyId = keyId.strip();
    }

    @Override
    public String provider() {
        return PROVIDER;
    }

    @Override
    public String currentVersion() {
        return keyId;
    }

    @Override
    public Wrapped wrap(byte[] dataKey, String context) {
        try {
            byte[] blob = kms.encrypt(r -> r.keyId(keyId).plaintext(SdkBytes.fromByteArray(dataKey))
                    .encryptionContext(Map.of("watchkeeper", context))).ciphertextBlob().asByteArray();
            return new Wrapped(blob, keyId);
        } catch (RuntimeException e) {
            throw new WatchkeeperException(ErrorCategory.UNAVAILABLE, "KMS encrypt failed: " + e.getMessage(), e);
        }
    }

    @Override
    public byte[] unwrap(byte[] wrapped, String version, String context) {
        try {
            return kms.decrypt(r -> r.keyId(version).ciphertextBlob(SdkBytes.fromByteArray(wrapped))
                    .encryptionContext(Map.of("watchkeeper", context))).plaintext().asByteArray();
        } catch (RuntimeException e) {
            throw new WatchkeeperException(ErrorCategory.DENIED, "KMS refused to decrypt a data key: " + e.getMessage(), e);
        }
    }

    @Override
    public String rotate() {
        return keyId; // KMS rotates key material behind the same key id (EnableKeyRotation)
    }
}
