package io.watchkeeper.core.cert;

import java.util.Objects;

/**
 * Watchkeeper's account at an ACME CA; its key is the authority's sealed key.
 *
 * @param authorityId the ACME authority
 * @param directoryUrl the CA's directory
 * @param accountUrl the account's URL at the CA
 * @param accountPublicKeyPem the account key's public half (the private half is sealed)
 * @param directoryTrustPem trust anchors (PEM) for the directory's https, or null for the JDK's
 * @param contact contact e-mail, or null
 * @param eabKid the external account binding key id used at registration, or null
 * @param profile the certificate profile to request, or null for the CA's default
 * @param allowInternal whether the directory may be on an internal address (test CAs)
 */
public record AcmeAccount(long authorityId, String directoryUrl, String accountUrl, String accountPublicKeyPem,
                          String directoryTrustPem, String contact, String eabKid,
                          String profile, boolean allowInternal) {
    public AcmeAccount {
        Objects.requireNonNull(directoryUrl, "directoryUrl");
        Objects.requireNonNull(accountUrl, "accountUrl");
        Objects.requireNonNull(accountPublicKeyPem, "accountPublicKeyPem");
    }
}
