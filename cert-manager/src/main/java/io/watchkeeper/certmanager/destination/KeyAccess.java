package io.watchkeeper.certmanager.destination;

import java.security.PrivateKey;

/**
 * Hands a destination the private key it must install, only when it asks, and records the
 * access in the audit log (every key read is an audited event). Destinations never receive a
 * key they did not ask for, and never store it anywhere but the target.
 */
@FunctionalInterface
public interface KeyAccess {

    /** The certificate's private key; each call is audited as {@code certificate.key.read} by the destination. */
    PrivateKey privateKey(String purpose);
}
