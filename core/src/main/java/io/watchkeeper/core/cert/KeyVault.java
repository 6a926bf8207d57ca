package io.watchkeeper.core.cert;

import java.util.List;
import java.util.Optional;

/**
 * Sealed private keys at rest. Keys are written together with their certificate or authority
 * ({@link CertificateStore#add}, {@link AuthorityStore#add}); this port reads them and supports
 * master key rotation, which replaces only the wrapped data key, never the ciphertext.
 */
public interface KeyVault {

    Optional<SealedKey> find(KeyOwner owner);

    /** Up to {@code limit} keys not wrapped by ({@code provider}, {@code version}), by owner. */
    List<KeyOwner> wrappedByOtherThan(String provider, String version, int limit);

    /**
     * Replaces a key's wrapped data key if it is still wrapped by {@code expected}'s master key
     * version (compare and set); false when another rotation got there first.
     */
    boolean rewrap(KeyOwner owner, SealedKey expected, SealedKey rewrapped);

    /** How many keys each (provider, master key version) wraps, as {@code provider/version=count}. */
    List<VersionCount> versions();

    /** Number of keys wrapped by one master key version. */
    record VersionCount(String provider, String version, long keys) {}
}
