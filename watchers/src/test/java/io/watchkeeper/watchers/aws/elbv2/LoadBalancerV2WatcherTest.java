package io.watchkeeper.watchers.aws.elbv2;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.config.aws.LoadBalancerV2Config;
import io.watchkeeper.core.config.aws.LoadBalancerV2Config.Listener;
import io.watchkeeper.watchers.testing.AwsWatcherTestSupport;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ActionTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerSchemeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ProtocolEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RedirectActionStatusCodeEnum;

class LoadBalancerV2WatcherTest extends AwsWatcherTestSupport {

    private static final String REGION = "eu-west-1";
    private final LoadBalancerV2Watcher watcher = new LoadBalancerV2Watcher();

    @Test
    void readsListenersAttributesAndTagsOfAPublicAndAnInternalLoadBalancer() {
        Ec2Client ec2 = moto.client(Ec2Client.builder(), REGION);
        List<String> subnets = ec2.describeSubnets().subnets().stream().limit(2).map(s -> s.subnetId()).toList();
        String sg = ec2.createSecurityGroup(r -> r.groupName("alb").description("alb")).groupId();
        IamClient iam = moto.client(IamClient.builder());
        String certificate = iam.uploadServerCertificate(r -> r.serverCertificateName("www")
                .certificateBody("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----")
                .privateKey("-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----"))
                .serverCertificateMetadata().arn();
        ElasticLoadBalancingV2Client elb = moto.client(ElasticLoadBalancingV2Client.builder(), REGION);
        String web = elb.createLoadBalancer(r -> r.name("web").subnets(subnets).securityGroups(sg)
                .scheme(LoadBalancerSchemeEnum.INTERNET_FACING).tags(t -> t.key("team").value("shop")))
                .loadBalancers().getFirst().loadBalancerArn();
        elb.createLoadBalancer(r -> r.name("internal").subnets(subnets).scheme(LoadBalancerSchemeEnum.INTERNAL));
        String group = elb.createTargetGroup(r -> r.name("app").protocol(ProtocolEnum.HTTP).port(8080)
                .vpcId(ec2.describeSubnets().subnets().getFirst().vpcId())).targetGroups().getFirst().targetGroupArn();
        elb.createListener(r -> r.loadBalancerArn(web).protocol(ProtocolEnum.HTTP).port(80).defaultActions(a -> a
                .type(ActionTypeEnum.REDIRECT).redirectConfig(c -> c.protocol("HTTPS").port("443")
                        .statusCode(RedirectActionStatusCodeEnum.HTTP_301))));
        elb.createListener(r -> r.loadBalancerArn(web).protocol(ProtocolEnum.HTTPS).port(443)
                .sslPolicy("ELBSecurityPolicy-TLS13-1-2-2021-06")
                .certificates(c -> c.certificateArn(certificate))
                .defaultActions(a -> a.type(ActionTypeEnum.FORWARD).targetGroupArn(group)));
        elb.modifyLoadBalancerAttributes(r -> r.loadBalancerArn(web).attributes(
                a -> a.key("deletion_protection.enabled").value("true"),
                a -> a.key("access_logs.s3.enabled").value("true"),
                a -> a.key("access_logs.s3.bucket").value("lb-logs")));

        Map<String, LoadBalancerV2Config> byName = configs(watcher, REGION);
        assertThat(byName).containsOnlyKeys("web", "internal");
        LoadBalancerV2Config c = byName.get("web");
        assertThat(c.arn()).isEqualTo(web);
        assertThat(c.type()).isEqualTo("application");
        assertThat(c.scheme()).isEqualTo("internet-facing");
        assertThat(c.securityGroups()).containsExactly(sg);
        assertThat(c.attributes()).containsEntry("deletion_protection.enabled", "true")
                .containsEntry("access_logs.s3.enabled", "true").containsEntry("access_logs.s3.bucket", "lb-logs");
        assertThat(c.tags()).isEqualTo(Map.of("team", "shop"));
        assertThat(c.listeners()).extracting(Listener::port, Listener::protocol).containsExactly(
                org.assertj.core.groups.Tuple.tuple(80, "HTTP"), org.assertj.core.groups.Tuple.tuple(443, "HTTPS"));
        // (moto also reports a default SSL policy on the plain HTTP listener; AWS reports none)
        assertThat(c.listeners().getLast().sslPolicy()).isEqualTo("ELBSecurityPolicy-TLS13-1-2-2021-06");
        assertThat(c.listeners().getFirst().defaultActions()).singleElement().satisfies(a -> {
            assertThat(a.type()).isEqualTo("redirect");
            assertThat(a.redirectProtocol()).isEqualTo("HTTPS");
            assertThat(a.statusCode()).isEqualTo("HTTP_301");
        });
        assertThat(c.listeners().getLast().certificateArns())
                .containsExactly(certificate);
        LoadBalancerV2Config internal = byName.get("internal");
        assertThat(internal.scheme()).isEqualTo("internal");
        assertThat(internal.listeners()).isEmpty();
        assertThat(internal.attributes()).doesNotContainEntry("deletion_protection.enabled", "true");
        assertThat(internal.tags()).isEmpty();
    }

    @Test
    void aRegionWithoutLoadBalancersHasNone() {
        assertThat(observe(watcher, REGION)).isEmpty();
    }
}
