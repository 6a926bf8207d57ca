package io.watchkeeper.core.config.aws;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A VPC peering connection ({@code aws.ec2.vpc-peering-connection}) that exists or is being set up
 * (deleted, rejected, failed and expired ones, which AWS lists for a while, are left out).
 *
 * @param vpcPeeringConnectionId pcx-…
 * @param status initiating-request, pending-acceptance, provisioning, active or deleting
 * @param requester the requesting side
 * @param accepter the accepting side
 * @param expirationTime when an unaccepted request expires, or null
 * @param tags tags
 */
public record VpcPeeringConnectionConfig(
        String vpcPeeringConnectionId,
        String status,
        Side requester,
        Side accepter,
        Instant expirationTime,
        Map<String, String> tags) {

    /**
     * One side of the connection.
     *
     * @param ownerId its account
     * @param vpcId its VPC
     * @param region its region
     * @param cidrBlocks its IPv4 CIDRs reachable through the connection, sorted
     * @param ipv6CidrBlocks its IPv6 CIDRs, sorted
     * @param allowDnsResolutionFromRemoteVpc whether the other side resolves this side's private DNS names
     */
    public record Side(String ownerId, String vpcId, String region, List<String> cidrBlocks, List<String> ipv6CidrBlocks,
                       Boolean allowDnsResolutionFromRemoteVpc) {}
}
