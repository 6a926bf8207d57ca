package io.watchkeeper.core.config.gcp;

import java.time.Instant;
import java.util.List;

/**
 * A VPC network ({@code gcp.compute.network}).
 *
 * @param name the network's name ({@code default} for the network GCP creates with a project)
 * @param id the numeric id
 * @param description the description
 * @param mode LEGACY (no subnetworks, one IPv4 range), AUTO (a subnetwork per region, created by GCP) or CUSTOM
 * @param ipv4Range the range of a legacy network, else null
 * @param routingMode REGIONAL or GLOBAL
 * @param mtu the MTU
 * @param subnetworks the subnetworks as {@code <region>/<name>}, sorted
 * @param peerings the network peerings, sorted by name
 * @param createTime when the network was created
 * @param dnsLogging whether a Cloud DNS server policy with query logging on is attached to the network (CIS 2.12);
 *     null when the project's DNS policies could not be read (the DNS API disabled or denied): unknown, not off
 */
public record GcpNetworkConfig(
        String name,
        String id,
        String description,
        String mode,
        String ipv4Range,
        String routingMode,
        Integer mtu,
        List<String> subnetworks,
        List<Peering> peerings,
        Instant createTime,
        Boolean dnsLogging) {

    /**
     * A peering.
     *
     * @param name the peering's name
     * @param network the peer network's path
     * @param exportCustomRoutes whether custom routes are exported
     * @param importCustomRoutes whether custom routes are imported
     * @param state ACTIVE or INACTIVE
     */
    public record Peering(String name, String network, boolean exportCustomRoutes, boolean importCustomRoutes,
                          String state) {}
}
