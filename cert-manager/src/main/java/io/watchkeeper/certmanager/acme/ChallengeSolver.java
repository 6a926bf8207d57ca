package io.watchkeeper.certmanager.acme;

import org.shredzone.acme4j.challenge.Challenge;

/**
 * Makes one kind of ACME challenge answerable and cleans up after it: HTTP-01 (a file the CA
 * fetches), DNS-01 (a TXT record). One small class per way of publishing ({@link WebrootSolver},
 * {@link ChallTestSrvSolver}; a Route 53 DNS-01 solver fits the same shape).
 */
public interface ChallengeSolver {

    /** The challenge type solved: {@code http-01} or {@code dns-01}. */
    String type();

    /** Publishes the answer for {@code domain}; the CA is asked to validate right after. */
    void present(String domain, Challenge challenge);

    /** Removes the answer (also after a failed validation). */
    void cleanup(String domain, Challenge challenge);
}
