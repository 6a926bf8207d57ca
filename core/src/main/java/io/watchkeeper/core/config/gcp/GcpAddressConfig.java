package io.watchkeeper.core.config.gcp;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A reserved IP address ({@code gcp.compute.address}), regional or global.
 *
 * @param name the address's name
 * @param id the numeric id
 * @param region its region, or {@code global}
 * @param address the IP address
 * @param addressType EXTERNAL or INTERNAL
 * @param ipVersion IPV4 or IPV6 (null: IPV4)
 * @param networkTier PREMIUM or STANDARD (external addresses)
 * @param purpose GCE_ENDPOINT, VPC_PEERING, PRIVATE_SERVICE_CONNECT, … or null
 * @param status RESERVED (unused), RESERVING or IN_USE
 * @param users the resources using it (paths without host), sorted
 * @param labels labels
 * @param createTime when it was reserved
 */
public record GcpAddressConfig(
        String name,
        String id,
        String region,
        String address,
        String addressType,
        String ipVersion,
        String networkTier,
        String purpose,
        String status,
        List<String> users,
        Map<String, String> labels,
        Instant createTime) {}
