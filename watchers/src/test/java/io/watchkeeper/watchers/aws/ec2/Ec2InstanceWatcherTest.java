package io.watchkeeper.watchers.aws.ec2;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.config.aws.Ec2InstanceConfig;
import io.watchkeeper.core.json.EphemeralPaths;
import io.watchkeeper.core.json.Json;
import io.watchkeeper.core.watch.Observation;
import io.watchkeeper.watchers.testing.AwsWatcherTestSupport;
import io.watchkeeper.watchers.testing.Moto;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.HttpTokensState;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceMetadataEndpointState;
import software.amazon.awssdk.services.ec2.model.InstanceMetadataTagsState;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.iam.IamClient;

class Ec2InstanceWatcherTest extends AwsWatcherTestSupport {

    private static final String REGION = "eu-west-1";
    private final Ec2InstanceWatcher watcher = new Ec2InstanceWatcher();

    @Test
    void readsAnInstanceThatAllowsImdsV1AndHasAPublicAddress() {
        Ec2Client ec2 = moto.client(Ec2Client.builder(), REGION);
        IamClient iam = moto.client(IamClient.builder());
        String profile = iam.createInstanceProfile(r -> r.instanceProfileName("web")).instanceProfile().arn();
        String ami = ec2.registerImage(r -> r.name("base-image")).imageId();
        String sg = ec2.createSecurityGroup(r -> r.groupName("web").description("web tier")).groupId();
        Instance launched = ec2.runInstances(r -> r.imageId(ami).minCount(1).maxCount(1).instanceType("t3.micro")
                .securityGroupIds(sg)
                .iamInstanceProfile(p -> p.arn(profile))
                .metadataOptions(m -> m.httpTokens(HttpTokensState.OPTIONAL).httpEndpoint(InstanceMetadataEndpointState.ENABLED)
                        .httpPutResponseHopLimit(2).instanceMetadataTags(InstanceMetadataTagsState.ENABLED))
                .tagSpecifications(t -> t.resourceType(ResourceType.INSTANCE)
                        .tags(tag -> tag.key("Name").value("web-1"), tag -> tag.key("team").value("web"))))
                .instances().getFirst();

        List<Observation<Ec2InstanceConfig>> observed = observe(watcher, REGION);
        assertThat(observed).hasSize(1);
        var item = (Observation.Observed<Ec2InstanceConfig>) observed.getFirst();
        String id = launched.instanceId();
        assertThat(item.resourceId()).isEqualTo("arn:aws:ec2:eu-west-1:" + Moto.ACCOUNT_ID + ":instance/" + id);
        assertThat(item.name()).isEqualTo("web-1");
        assertThat(item.region()).isEqualTo(REGION);
        Ec2InstanceConfig c = item.config();
        assertThat(c.instanceId()).isEqualTo(id);
        assertThat(c.instanceType()).isEqualTo("t3.micro");
        assertThat(c.imageId()).isEqualTo(ami);
        assertThat(c.state()).isIn("pending", "running");
        assertThat(c.vpcId()).isEqualTo(launched.vpcId()).startsWith("vpc-");
        assertThat(c.subnetId()).isEqualTo(launched.subnetId()).startsWith("subnet-");
        assertThat(c.privateIpAddress()).isEqualTo(launched.privateIpAddress());
        assertThat(c.hasPublicIp()).isTrue();
        assertThat(c.publicIpAddress()).isEqualTo(launched.publicIpAddress()).isNotBlank();
        assertThat(c.securityGroupIds()).containsExactly(sg);
        assertThat(c.iamInstanceProfileArn()).isEqualTo(profile);
        assertThat(c.metadataOptions()).isEqualTo(new Ec2InstanceConfig.MetadataOptions("optional", "enabled", 2, "enabled"));
        assertThat(c.metadataOptions().imdsV1Allowed()).isTrue();
        assertThat(c.launchTime()).isNotNull();
        assertThat(c.tags()).isEqualTo(Map.of("Name", "web-1", "team", "web"));
    }

    @Test
    void readsSecurityGroupsOfNetworkInterfaces() {
        Ec2Client ec2 = moto.client(Ec2Client.builder(), REGION);
        String ami = ec2.registerImage(r -> r.name("base-image")).imageId();
        String subnet = ec2.describeSubnets().subnets().getFirst().subnetId();
        String a = ec2.createSecurityGroup(r -> r.groupName("a").description("a")).groupId();
        String b = ec2.createSecurityGroup(r -> r.groupName("b").description("b")).groupId();
        String id = ec2.runInstances(r -> r.imageId(ami).minCount(1).maxCount(1).networkInterfaces(n -> n
                .deviceIndex(0).subnetId(subnet).groups(b, a).associatePublicIpAddress(false)))
                .instances().getFirst().instanceId();

        Ec2InstanceConfig c = configs(watcher, REGION).get(id);
        assertThat(c.securityGroupIds()).containsExactly(List.of(a, b).stream().sorted().toArray(String[]::new));
        assertThat(c.subnetId()).isEqualTo(subnet);
    }

    @Test
    void anImdsV2OnlyInstanceWithoutPublicAddressSkipsTerminatedAndOtherRegions() {
        Ec2Client ec2 = moto.client(Ec2Client.builder(), REGION);
        String ami = ec2.registerImage(r -> r.name("base-image")).imageId();
        String subnet = ec2.describeSubnets().subnets().getFirst().subnetId();
        String locked = ec2.runInstances(r -> r.imageId(ami).minCount(1).maxCount(1)
                .networkInterfaces(n -> n.deviceIndex(0).subnetId(subnet).associatePublicIpAddress(false))
                .metadataOptions(m -> m.httpTokens(HttpTokensState.REQUIRED).httpPutResponseHopLimit(1)))
                .instances().getFirst().instanceId();
        String gone = ec2.runInstances(r -> r.imageId(ami).minCount(1).maxCount(1)).instances().getFirst().instanceId();
        ec2.terminateInstances(r -> r.instanceIds(gone));
        Ec2Client east = moto.client(Ec2Client.builder(), "us-east-1");
        String eastAmi = east.registerImage(r -> r.name("base-image")).imageId();
        String elsewhere = east.runInstances(r -> r.imageId(eastAmi).minCount(1).maxCount(1)).instances().getFirst().instanceId();

        Map<String, Ec2InstanceConfig> configs = configs(watcher, REGION);
        assertThat(configs).containsOnlyKeys(locked);
        Ec2InstanceConfig c = configs.get(locked);
        assertThat(c.metadataOptions().httpTokens()).isEqualTo("required");
        assertThat(c.metadataOptions().httpPutResponseHopLimit()).isEqualTo(1);
        assertThat(c.metadataOptions().imdsV1Allowed()).isFalse();
        assertThat(c.hasPublicIp()).isFalse();
        assertThat(c.publicIpAddress()).isNull();
        assertThat(c.publicDnsName()).isNull();
        assertThat(c.iamInstanceProfileArn()).isNull();
        assertThat(c.tags()).isEmpty();
        assertThat(configs(watcher, "us-east-1")).containsOnlyKeys(elsewhere);
    }

    @Test
    void secretsInUserDataAreKeptMaskedAndHashedAndCleanUserDataHasNone() throws Exception {
        Ec2Client ec2 = moto.client(Ec2Client.builder(), REGION);
        String ami = ec2.registerImage(r -> r.name("base-image")).imageId();
        String token = "xoxb-" + "12345678901-123456789012-" + "Zq81LmX0pa7Rt2Vw9YcB4nK6";
        String script = "#!/bin/bash\nexport SLACK_TOKEN=" + token + "\nexport DB_PASSWORD=${DB_PASSWORD}\n";
        // cloud-init's gzip form, base64 encoded as the API takes it
        var zipped = new java.io.ByteArrayOutputStream();
        try (var gz = new java.util.zip.GZIPOutputStream(zipped)) {
            gz.write(script.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        String leaky = ec2.runInstances(r -> r.imageId(ami).minCount(1).maxCount(1)
                .userData(java.util.Base64.getEncoder().encodeToString(zipped.toByteArray())))
                .instances().getFirst().instanceId();
        String clean = ec2.runInstances(r -> r.imageId(ami).minCount(1).maxCount(1).userData(java.util.Base64.getEncoder()
                .encodeToString("#!/bin/bash\nyum install -y nginx\n".getBytes(java.nio.charset.StandardCharsets.UTF_8))))
                .instances().getFirst().instanceId();
        String none = ec2.runInstances(r -> r.imageId(ami).minCount(1).maxCount(1)).instances().getFirst().instanceId();

        Map<String, Ec2InstanceConfig> configs = configs(watcher, REGION);
        assertThat(configs.get(leaky).userDataSecrets()).singleElement().satisfies(f -> {
            assertThat(f.location()).isEqualTo("userData:2");
            assertThat(f.ruleId()).isEqualTo("slack-token");
        });
        assertThat(Json.write(configs.get(leaky))).doesNotContain(token.substring(6)).doesNotContain("SLACK_TOKEN=");
        assertThat(configs.get(clean).userDataSecrets()).isEmpty();
        assertThat(configs.get(none).userDataSecrets()).isEmpty();
    }

    @Test
    void addressesAndLaunchTimeAreEphemeralButThePublicFlagIsNot() {
        assertThat(EphemeralPaths.of(Ec2InstanceConfig.class).describe())
                .containsExactlyInAnyOrder("publicIpAddress", "publicDnsName", "launchTime");
        var json = Json.tree(new Ec2InstanceConfig("i-1", "t3.micro", "ami-1", "running", null, null, null, true,
                "203.0.113.1", null, List.of(), null, null, null, null, Map.of()));
        assertThat(json.get("hasPublicIp").asBoolean()).isTrue();
    }
}
