package io.watchkeeper.core.config.aws;

import io.watchkeeper.core.json.Ephemeral;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An Elastic Load Balancing v2 load balancer ({@code aws.elbv2.load-balancer}): application,
 * network or gateway, with its listeners and attributes.
 *
 * @param name its name
 * @param arn its ARN
 * @param type application, network or gateway
 * @param scheme internet-facing or internal
 * @param dnsName its DNS name
 * @param vpcId its VPC
 * @param ipAddressType ipv4, dualstack or dualstack-without-public-ipv4
 * @param securityGroups its security groups, sorted (application and network load balancers)
 * @param availabilityZones the zones it serves, sorted
 * @param attributes every attribute by key (access_logs.s3.enabled, deletion_protection.enabled,
 *     routing.http.drop_invalid_header_fields.enabled, …)
 * @param listeners its listeners, sorted by port and protocol
 * @param createdTime when it was created
 * @param state provisioning, active, active_impaired or failed
 * @param tags tags
 */
public record LoadBalancerV2Config(
        String name,
        String arn,
        String type,
        String scheme,
        String dnsName,
        String vpcId,
        String ipAddressType,
        List<String> securityGroups,
        List<String> availabilityZones,
        Map<String, String> attributes,
        List<Listener> listeners,
        Instant createdTime,
        @Ephemeral String state,
        Map<String, String> tags) {

    /**
     * One listener.
     *
     * @param listenerArn its ARN
     * @param port the port it listens on
     * @param protocol HTTP, HTTPS, TCP, TLS, UDP, TCP_UDP or GENEVE
     * @param sslPolicy the security policy of HTTPS and TLS listeners, or null
     * @param certificateArns its default certificates, sorted
     * @param alpnPolicy the ALPN policies of TLS listeners, sorted
     * @param defaultActions its default actions in order
     */
    public record Listener(String listenerArn, Integer port, String protocol, String sslPolicy,
                           List<String> certificateArns, List<String> alpnPolicy, List<Action> defaultActions) {}

    /**
     * One default action.
     *
     * @param type forward, redirect, fixed-response, authenticate-oidc or authenticate-cognito
     * @param order its order, or null
     * @param targetGroupArn where a forward goes, or null
     * @param redirectProtocol the protocol a redirect goes to (HTTPS, #{protocol}), or null
     * @param redirectPort the port a redirect goes to, or null
     * @param statusCode the redirect or fixed-response status code, or null
     */
    public record Action(String type, Integer order, String targetGroupArn, String redirectProtocol,
                         String redirectPort, String statusCode) {}
}
