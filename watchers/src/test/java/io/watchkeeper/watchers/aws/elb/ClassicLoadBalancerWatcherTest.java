package io.watchkeeper.watchers.aws.elb;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.core.config.aws.ClassicLoadBalancerConfig;
import io.watchkeeper.core.config.aws.ClassicLoadBalancerConfig.Listener;
import io.watchkeeper.watchers.testing.AwsWatcherTestSupport;
import io.watchkeeper.watchers.testing.Moto;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.elasticloadbalancing.ElasticLoadBalancingClient;

class ClassicLoadBalancerWatcherTest extends AwsWatcherTestSupport {

    private static final String REGION = "eu-west-1";
    private final ClassicLoadBalancerWatcher watcher = new ClassicLoadBalancerWatcher();

    @Test
    void readsListenersWithTheirNegotiationPolicyAndTheAccessLogSetting() {
        ElasticLoadBalancingClient elb = moto.client(ElasticLoadBalancingClient.builder(), REGION);
        elb.createLoadBalancer(r -> r.loadBalancerName("legacy").availabilityZones(REGION + "a")
                .listeners(l -> l.protocol("HTTP").loadBalancerPort(80).instanceProtocol("HTTP").instancePort(8080),
                        l -> l.protocol("HTTPS").loadBalancerPort(443).instanceProtocol("HTTP").instancePort(8080)
                                .sslCertificateId("arn:aws:iam::" + Moto.ACCOUNT_ID + ":server-certificate/www"))
                .tags(t -> t.key("team").value("legacy")));
        elb.createLoadBalancerPolicy(r -> r.loadBalancerName("legacy").policyName("tls-policy")
                .policyTypeName("SSLNegotiationPolicyType").policyAttributes(
                        a -> a.attributeName("Reference-Security-Policy").attributeValue("ELBSecurityPolicy-TLS-1-2-2017-01"),
                        a -> a.attributeName("Protocol-TLSv1.2").attributeValue("true"),
                        a -> a.attributeName("Protocol-TLSv1").attributeValue("false")));
        elb.setLoadBalancerPoliciesOfListener(r -> r.loadBalancerName("legacy").loadBalancerPort(443)
                .policyNames("tls-policy"));
        elb.modifyLoadBalancerAttributes(r -> r.loadBalancerName("legacy").loadBalancerAttributes(a -> a
                .accessLog(l -> l.enabled(true).s3BucketName("elb-logs").emitInterval(60))));
        elb.createLoadBalancer(r -> r.loadBalancerName("plain").availabilityZones(REGION + "b")
                .listeners(l -> l.protocol("TCP").loadBalancerPort(22).instanceProtocol("TCP").instancePort(22)));

        Map<String, ClassicLoadBalancerConfig> byName = configs(watcher, REGION);
        assertThat(byName).containsOnlyKeys("legacy", "plain");
        ClassicLoadBalancerConfig c = byName.get("legacy");
        assertThat(c.listeners()).extracting(Listener::loadBalancerPort).containsExactly(80, 443);
        Listener tls = c.listeners().getLast();
        assertThat(tls.protocol()).isEqualTo("HTTPS");
        assertThat(tls.policyNames()).containsExactly("tls-policy");
        assertThat(tls.referenceSecurityPolicy()).isEqualTo("ELBSecurityPolicy-TLS-1-2-2017-01");
        assertThat(tls.sslProtocols()).containsExactly("TLSv1.2");
        assertThat(c.listeners().getFirst().referenceSecurityPolicy()).isNull();
        assertThat(c.accessLogEnabled()).isTrue();
        assertThat(c.accessLogBucket()).isEqualTo("elb-logs");
        assertThat(c.tags()).isEqualTo(Map.of("team", "legacy"));
        ClassicLoadBalancerConfig plain = byName.get("plain");
        assertThat(plain.accessLogEnabled()).isNotEqualTo(Boolean.TRUE);
        assertThat(plain.listeners()).extracting(Listener::sslProtocols).containsExactly(List.of());
    }
}
