package io.watchkeeper.core.config.aws;

import io.watchkeeper.core.json.Ephemeral;
import io.watchkeeper.core.secrets.FoundSecret;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An EC2 instance ({@code aws.ec2.instance}); terminated instances are not listed.
 *
 * @param instanceId i-…
 * @param instanceType t3.micro, m7g.large, …
 * @param imageId the AMI it was launched from
 * @param state pending, running, stopping, stopped or shutting-down
 * @param vpcId its VPC (null for EC2-Classic leftovers)
 * @param subnetId its subnet
 * @param privateIpAddress primary private IPv4 address
 * @param hasPublicIp whether it has a public IPv4 address now (durable; the address itself is not)
 * @param publicIpAddress the public IPv4 address; changes on stop/start unless it is an Elastic IP
 * @param publicDnsName the public DNS name; changes with the address
 * @param securityGroupIds ids of the instance's groups and of all its network interfaces' groups, sorted
 * @param iamInstanceProfileArn the attached instance profile, or null
 * @param metadataOptions instance metadata service settings, or null when not reported
 * @param userDataSecrets provider secrets found in the user data (base64 and gzip decoded), masked with a
 *        keyed hash (never the user data itself): empty when none, null when the user data was not read
 * @param launchTime when it was last started (AWS moves it on every start, so it is not diffed)
 * @param tags tags
 */
public record Ec2InstanceConfig(
        String instanceId,
        String instanceType,
        String imageId,
        String state,
        String vpcId,
        String subnetId,
        String privateIpAddress,
        boolean hasPublicIp,
        @Ephemeral String publicIpAddress,
        @Ephemeral String publicDnsName,
        List<String> securityGroupIds,
        String iamInstanceProfileArn,
        MetadataOptions metadataOptions,
        List<FoundSecret> userDataSecrets,
        @Ephemeral Instant launchTime,
        Map<String, String> tags) {

    /**
     * Instance metadata service (IMDS) settings.
     *
     * @param httpTokens required (IMDSv2 only) or optional (IMDSv1 allowed)
     * @param httpEndpoint enabled or disabled
     * @param httpPutResponseHopLimit hop limit of the PUT token response
     * @param instanceMetadataTags enabled or disabled (tags readable through IMDS)
     */
    public record MetadataOptions(String httpTokens, String httpEndpoint, Integer httpPutResponseHopLimit,
                                  String instanceMetadataTags) {

        /** Whether IMDSv1 (token-less requests) is reachable: endpoint not disabled and tokens not required. */
        public boolean imdsV1Allowed() {
            return !"disabled".equals(httpEndpoint) && !"required".equals(httpTokens);
        }
    }
}
