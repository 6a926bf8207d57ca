package io.watchkeeper.core.config.aws;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A VPC ({@code aws.ec2.vpc}) with the flow logs attached to it (not those of its subnets or
 * network interfaces).
 *
 * @param vpcId vpc-…
 * @param ownerId the owning account
 * @param cidrBlock the primary IPv4 CIDR
 * @param cidrBlocks every associated IPv4 CIDR, sorted
 * @param ipv6CidrBlocks every associated IPv6 CIDR, sorted
 * @param isDefault whether it is the region's default VPC
 * @param instanceTenancy default or dedicated
 * @param dhcpOptionsId its DHCP options set
 * @param flowLogs the VPC's flow logs, sorted by id; empty when it has none
 * @param tags tags
 */
public record VpcConfig(
        String vpcId,
        String ownerId,
        String cidrBlock,
        List<String> cidrBlocks,
        List<String> ipv6CidrBlocks,
        Boolean isDefault,
        String instanceTenancy,
        String dhcpOptionsId,
        List<FlowLog> flowLogs,
        Map<String, String> tags) {

    /**
     * One flow log.
     *
     * @param flowLogId fl-…
     * @param trafficType ACCEPT, REJECT or ALL
     * @param logDestinationType cloud-watch-logs, s3 or kinesis-data-firehose
     * @param logDestination the destination's ARN, or null
     * @param logGroupName the CloudWatch Logs group, or null
     * @param deliverLogsPermissionArn the role that delivers to CloudWatch Logs, or null
     * @param logFormat the record format
     * @param maxAggregationInterval seconds (60 or 600)
     * @param flowLogStatus ACTIVE
     * @param deliverLogsStatus SUCCESS, FAILED or null
     * @param creationTime when it was created
     */
    public record FlowLog(String flowLogId, String trafficType, String logDestinationType, String logDestination,
                          String logGroupName, String deliverLogsPermissionArn, String logFormat,
                          Integer maxAggregationInterval, String flowLogStatus, String deliverLogsStatus,
                          Instant creationTime) {}
}
