package io.watchkeeper.core.config.gcp;

import java.time.Instant;
import java.util.List;

/**
 * A subnetwork ({@code gcp.compute.subnetwork}).
 *
 * @param name the subnetwork's name
 * @param id the numeric id
 * @param region the region
 * @param network the network's path ({@code projects/p/global/networks/n})
 * @param ipCidrRange the primary range
 * @param secondaryRanges secondary ranges as {@code name=cidr}, sorted
 * @param privateIpGoogleAccess whether instances without external IPs reach Google APIs
 * @param flowLogs whether VPC flow logs are on
 * @param flowLogAggregationInterval the flow log aggregation interval when on, else null
 * @param flowLogSampling the flow log sampling rate when on, else null
 * @param flowLogMetadata which metadata flow logs carry when on, else null
 * @param purpose PRIVATE, REGIONAL_MANAGED_PROXY, PRIVATE_SERVICE_CONNECT, … (null for PRIVATE on old subnetworks)
 * @param stackType IPV4_ONLY or IPV4_IPV6
 * @param createTime when the subnetwork was created
 */
public record GcpSubnetworkConfig(
        String name,
        String id,
        String region,
        String network,
        String ipCidrRange,
        List<String> secondaryRanges,
        boolean privateIpGoogleAccess,
        boolean flowLogs,
        String flowLogAggregationInterval,
        Float flowLogSampling,
        String flowLogMetadata,
        String purpose,
        String stackType,
        Instant createTime) {}
