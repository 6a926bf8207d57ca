package io.watchkeeper.core.cert;

import io.watchkeeper.core.model.InvalidInputException;
import java.time.Duration;
import java.util.List;

/**
 * What a person asks an authority for. Names are checked for form here (bounded); the authority's
 * policy is checked by the issuer.
 *
 * @param commonName subject CN (also added as a DNS SAN when it is a DNS name), or null
 * @param dnsNames DNS subject alternative names, normalized to lower case
 * @param ipAddresses IP address subject alternative names (textual, as given)
 * @param keyType key to generate; null when the requester brings a CSR
 * @param validity requested lifetime, or null for the authority's default
 * @param ownership the account, owning user and team the certificate will have (ids)
 */
public record CertificateRequest(
        String commonName,
        List<String> dnsNames,
        List<String> ipAddresses,
        KeyType keyType,
        Duration validity,
        Ownership ownership) {

    public static final int MAX_NAMES = 100;
    public static final int MAX_CN_LENGTH = 64;

    public CertificateRequest {
        dnsNames = List.copyOf(dnsNames == null ? List.of() : dnsNames);
        ipAddresses = List.copyOf(ipAddresses == null ? List.of() : ipAddresses);
        if (dnsNames.size() + ipAddresses.size() > MAX_NAMES) {
            throw new InvalidInputException("at most " + MAX_NAMES + " subject alternative names");
        }
        dnsNames = dnsNames.stream().map(DnsNames::normalize).distinct().toList();
        if (commonName != null && (commonName.isBlank() || commonName.length() > MAX_CN_LENGTH)) {
            throw new InvalidInputException("the common name must be 1-" + MAX_CN_LENGTH + " characters (RFC 5280)");
        }
        if (commonName == null && dnsNames.isEmpty() && ipAddresses.isEmpty()) {
            throw new InvalidInputException("a certificate needs a common name or at least one --san");
        }
        if (validity != null && (validity.isNegative() || validity.compareTo(Duration.ofMinutes(5)) < 0)) {
            throw new InvalidInputException("validity must be at least 5 minutes");
        }
        ownership = ownership == null ? Ownership.none() : ownership;
    }
}
