package io.watchkeeper.core.config.aws;

import io.watchkeeper.core.json.Ephemeral;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An EKS cluster ({@code aws.eks.cluster}): API endpoint exposure, control-plane logging and
 * secrets encryption.
 *
 * @param name its name
 * @param arn its ARN
 * @param version the Kubernetes version
 * @param roleArn the cluster's service role
 * @param endpointPublicAccess whether the API server endpoint is reachable from the internet
 * @param publicAccessCidrs the networks allowed to reach the public endpoint, sorted
 * @param endpointPrivateAccess whether the endpoint is reachable from the VPC
 * @param vpcId its VPC
 * @param subnetIds its subnets, sorted
 * @param securityGroupIds extra control-plane security groups, sorted
 * @param clusterSecurityGroupId the cluster security group
 * @param enabledLogTypes control-plane log types sent to CloudWatch Logs (api, audit, …), sorted
 * @param encryption envelope-encryption settings of Kubernetes resources (secrets)
 * @param authenticationMode API, API_AND_CONFIG_MAP or CONFIG_MAP, or null
 * @param createdAt when it was created
 * @param platformVersion the EKS platform version (AWS updates it without the configuration changing)
 * @param status CREATING, ACTIVE, UPDATING, … (progress)
 * @param tags tags
 */
public record EksClusterConfig(
        String name,
        String arn,
        String version,
        String roleArn,
        Boolean endpointPublicAccess,
        List<String> publicAccessCidrs,
        Boolean endpointPrivateAccess,
        String vpcId,
        List<String> subnetIds,
        List<String> securityGroupIds,
        String clusterSecurityGroupId,
        List<String> enabledLogTypes,
        List<Encryption> encryption,
        String authenticationMode,
        Instant createdAt,
        @Ephemeral String platformVersion,
        @Ephemeral String status,
        Map<String, String> tags) {

    /**
     * One encryption configuration.
     *
     * @param resources the resources encrypted (secrets)
     * @param keyArn the KMS key
     */
    public record Encryption(List<String> resources, String keyArn) {}
}
