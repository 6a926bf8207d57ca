package io.watchkeeper.core.config.gcp;

import java.time.Instant;
import java.util.List;

/**
 * A Cloud DNS managed zone ({@code gcp.dns.managed-zone}) with the DNS server policies of its networks.
 *
 * @param name the zone's name
 * @param dnsName the DNS name it serves ({@code example.com.})
 * @param description the description
 * @param visibility public or private
 * @param dnssecState on, off or transfer (null: off)
 * @param keySpecs DNSSEC key specifications (key signing and zone signing), sorted
 * @param nonExistence nsec or nsec3 when DNSSEC is on, else null
 * @param loggingEnabled whether query logging is on for the zone (public zones: the zone's own setting)
 * @param privateNetworks the networks a private zone is visible to, sorted
 * @param networkPolicies the DNS server policies attached to those networks (logging of private zones), sorted by name
 * @param createTime when the zone was created
 */
public record GcpDnsManagedZoneConfig(
        String name,
        String dnsName,
        String description,
        String visibility,
        String dnssecState,
        List<KeySpec> keySpecs,
        String nonExistence,
        boolean loggingEnabled,
        List<String> privateNetworks,
        List<NetworkPolicy> networkPolicies,
        Instant createTime) {

    /** A DNSSEC key specification. */
    public record KeySpec(String keyType, String algorithm, Long keyLength) {}

    /** A DNS server policy on one of the zone's networks. */
    public record NetworkPolicy(String name, boolean enableLogging, List<String> networks) {}
}
