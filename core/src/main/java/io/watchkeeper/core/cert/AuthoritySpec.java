package io.watchkeeper.core.cert;

import io.watchkeeper.core.model.InvalidInputException;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A new authority to store, with its sealed CA key.
 *
 * @param id the id reserved with {@link AuthorityStore#nextId()} (the key is sealed to it)
 * @param name unique short name
 * @param kind internal CA or ACME
 * @param parentId the authority that signed it, or null
 * @param metadata the CA certificate's metadata
 * @param certificatePem the CA certificate
 * @param chainPem certificates above it, nearest first
 * @param policy what it may issue
 * @param imported whether it was imported
 * @param key the sealed CA private key (null for ACME)
 * @param actor who creates it
 */
public record AuthoritySpec(
        long id,
        String name,
        AuthorityKind kind,
        Long parentId,
        CertificateMetadata metadata,
        String certificatePem,
        List<String> chainPem,
        AuthorityPolicy policy,
        boolean imported,
        SealedKey key,
        String actor) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,62}");

    public AuthoritySpec {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(certificatePem, "certificatePem");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(actor, "actor");
        chainPem = List.copyOf(chainPem == null ? List.of() : chainPem);
        checkName(name);
    }

    /** Throws unless {@code name} is 1-63 letters, digits, '.', '_' or '-' starting with a letter or digit. */
    public static String checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidInputException("invalid authority name '" + (name == null ? "" : DnsNames.printable(name))
                    + "': 1-63 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        return name;
    }
}
