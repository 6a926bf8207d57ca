package io.watchkeeper.core.config.aws;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A Classic Load Balancer ({@code aws.elb.load-balancer}) with its listeners, their TLS
 * negotiation policy, and its attributes. Registered instances are left out: they follow scaling.
 *
 * @param name its name
 * @param dnsName its DNS name
 * @param scheme internet-facing or internal
 * @param vpcId its VPC, or null (EC2-Classic)
 * @param securityGroups its security groups, sorted
 * @param subnets its subnets, sorted
 * @param availabilityZones the zones it serves, sorted
 * @param listeners its listeners, sorted by port
 * @param accessLogEnabled whether access logs are written
 * @param accessLogBucket the bucket receiving them, or null
 * @param crossZoneLoadBalancing whether cross-zone load balancing is on
 * @param connectionDraining whether connection draining is on
 * @param idleTimeout the idle timeout in seconds, or null
 * @param desyncMitigationMode the HTTP desync mitigation mode (defensive, strictest, monitor), or null
 * @param createdTime when it was created
 * @param tags tags
 */
public record ClassicLoadBalancerConfig(
        String name,
        String dnsName,
        String scheme,
        String vpcId,
        List<String> securityGroups,
        List<String> subnets,
        List<String> availabilityZones,
        List<Listener> listeners,
        Boolean accessLogEnabled,
        String accessLogBucket,
        Boolean crossZoneLoadBalancing,
        Boolean connectionDraining,
        Integer idleTimeout,
        String desyncMitigationMode,
        Instant createdTime,
        Map<String, String> tags) {

    /**
     * One listener.
     *
     * @param protocol HTTP, HTTPS, TCP or SSL (front end)
     * @param loadBalancerPort the port it listens on
     * @param instanceProtocol the back-end protocol
     * @param instancePort the back-end port
     * @param sslCertificateId the certificate of HTTPS and SSL listeners, or null
     * @param policyNames the policies applied to it, sorted
     * @param referenceSecurityPolicy the predefined security policy its SSL negotiation policy follows
     *     (ELBSecurityPolicy-TLS-1-2-2017-01, …), or null
     * @param sslProtocols the TLS protocol versions its SSL negotiation policy enables, sorted
     */
    public record Listener(String protocol, Integer loadBalancerPort, String instanceProtocol, Integer instancePort,
                           String sslCertificateId, List<String> policyNames, String referenceSecurityPolicy,
                           List<String> sslProtocols) {}
}
