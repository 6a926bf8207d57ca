package io.watchkeeper.codescanner.verify;

import io.watchkeeper.codescanner.finding.Verification;

/**
 * Live verification of one provider's secrets (SPI). Off by default: the scanner calls a verifier
 * only for the providers the user names. A verifier sends the secret to its provider and nowhere
 * else, never logs it, and answers {@link Verification#UNKNOWN} when the provider's answer says
 * nothing definite (network errors, rate limits, unexpected statuses).
 */
public interface SecretVerifier {

    /** The rules file's {@code verifier:} name this verifier serves. */
    String name();

    /** Asks the provider whether {@code secret} works. */
    Verification verify(String secret);
}
