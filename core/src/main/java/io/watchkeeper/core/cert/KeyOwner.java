package io.watchkeeper.core.cert;

import java.util.Locale;

/**
 * Whose private key a sealed key is: a certificate or an authority, by database id. Its
 * {@link #associatedData()} is bound into the encryption, so a sealed key copied to another row
 * does not decrypt.
 */
public record KeyOwner(Kind kind, long id) {

    /** The two kinds of key holders. */
    public enum Kind { CERTIFICATE, AUTHORITY }

    public static KeyOwner certificate(long id) {
        return new KeyOwner(Kind.CERTIFICATE, id);
    }

    public static KeyOwner authority(long id) {
        return new KeyOwner(Kind.AUTHORITY, id);
    }

    /** {@code certificate:42} or {@code authority:7}. */
    public String associatedData() {
        return kind.name().toLowerCase(Locale.ROOT) + ":" + id;
    }

    @Override
    public String toString() {
        return associatedData();
    }
}
