package io.watchkeeper.auditors.aws.elb;

import static io.watchkeeper.auditors.testing.RuleCase.fails;
import static io.watchkeeper.auditors.testing.RuleCase.passes;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchkeeper.auditors.testing.RuleCase;
import io.watchkeeper.core.finding.Exposure;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** ELBv2 and classic load balancers: plaintext listeners, TLS policies, logs, deletion protection, desync. */
public class LoadBalancerRulesTest {

    private static String v2(String scheme, String listeners, String attributes) {
        return "{'name':'web','type':'application','scheme':'" + scheme + "','listeners':[" + listeners + "],"
                + "'attributes':{" + attributes + "}}";
    }

    private static final String REDIRECT = "{'port':80,'protocol':'HTTP','defaultActions':[{'type':'redirect',"
            + "'redirectProtocol':'HTTPS','statusCode':'HTTP_301'}]}";
    private static final String FORWARD = "{'port':80,'protocol':'HTTP','defaultActions':[{'type':'forward',"
            + "'targetGroupArn':'tg'}]}";

    private static String tls(int port, String policy) {
        return "{'port':" + port + ",'protocol':'HTTPS','sslPolicy':'" + policy + "','defaultActions':[{'type':'forward'}]}";
    }

    private static String classic(String listeners, String more) {
        return "{'name':'old','scheme':'internet-facing','listeners':[" + listeners + "]" + more + "}";
    }

    public static final List<RuleCase> CASES = List.of(
            fails("aws.elbv2.load-balancer/http-listener", v2("internet-facing", FORWARD, ""), "listener:80"),
            passes("aws.elbv2.load-balancer/http-listener", v2("internet-facing", REDIRECT + "," + tls(443,
                    "ELBSecurityPolicy-TLS13-1-2-2021-06"), ""), "HTTP only redirects to HTTPS"),
            fails("aws.elbv2.load-balancer/outdated-tls-policy", v2("internet-facing", tls(443, "ELBSecurityPolicy-2016-08")
                    + "," + tls(8443, "ELBSecurityPolicy-TLS-1-1-2017-01"), ""), "listener:443", "listener:8443"),
            passes("aws.elbv2.load-balancer/outdated-tls-policy", v2("internet-facing", tls(443,
                    "ELBSecurityPolicy-TLS13-1-2-2021-06") + "," + tls(8443, "ELBSecurityPolicy-FS-1-2-Res-2020-10") + ","
                    + tls(9443, "ELBSecurityPolicy-TLS-1-2-Ext-2018-06"), ""), "TLS 1.2+ policies"),
            fails("aws.elbv2.load-balancer/access-logs-off", v2("internal", "", "'access_logs.s3.enabled':'false'"),
                    "access-logs"),
            passes("aws.elbv2.load-balancer/access-logs-off", v2("internal", "", "'access_logs.s3.enabled':'true'"), "on"),
            fails("aws.elbv2.load-balancer/deletion-protection-off", v2("internal", "",
                    "'deletion_protection.enabled':'false'"), "deletion-protection"),
            passes("aws.elbv2.load-balancer/deletion-protection-off", v2("internal", "",
                    "'deletion_protection.enabled':'true'"), "on"),
            fails("aws.elbv2.load-balancer/invalid-headers-kept", v2("internal", "",
                    "'routing.http.drop_invalid_header_fields.enabled':'false'"), "drop-invalid-headers"),
            passes("aws.elbv2.load-balancer/invalid-headers-kept", "{'name':'nlb','type':'network','attributes':"
                    + "{'routing.http.drop_invalid_header_fields.enabled':'false'}}", "a network load balancer has no HTTP"),
            fails("aws.elbv2.load-balancer/desync-monitor-only", v2("internal", "",
                    "'routing.http.desync_mitigation_mode':'monitor'"), "desync"),
            passes("aws.elbv2.load-balancer/desync-monitor-only", v2("internal", "",
                    "'routing.http.desync_mitigation_mode':'defensive'"), "defensive"),
            fails("aws.elb.load-balancer/http-listener", classic("{'protocol':'HTTP','loadBalancerPort':80}", ""),
                    "listener:80"),
            passes("aws.elb.load-balancer/http-listener", classic("{'protocol':'HTTPS','loadBalancerPort':443,"
                    + "'referenceSecurityPolicy':'ELBSecurityPolicy-TLS-1-2-2017-01'}", ""), "HTTPS only"),
            fails("aws.elb.load-balancer/outdated-tls-policy", classic("{'protocol':'HTTPS','loadBalancerPort':443,"
                    + "'sslProtocols':['Protocol-TLSv1','Protocol-TLSv1.2']}", ""), "listener:443"),
            fails("aws.elb.load-balancer/outdated-tls-policy", classic("{'protocol':'SSL','loadBalancerPort':443,"
                    + "'referenceSecurityPolicy':'ELBSecurityPolicy-2016-08'}", ""), "listener:443"),
            passes("aws.elb.load-balancer/outdated-tls-policy", classic("{'protocol':'HTTPS','loadBalancerPort':443,"
                    + "'referenceSecurityPolicy':'ELBSecurityPolicy-TLS-1-2-2017-01','sslProtocols':['Protocol-TLSv1.2']},"
                    + "{'protocol':'HTTP','loadBalancerPort':80}", ""), "TLS 1.2 only; HTTP is the other check's"),
            fails("aws.elb.load-balancer/access-logs-off", classic("", ",'accessLogEnabled':false"), "access-logs"),
            passes("aws.elb.load-balancer/access-logs-off", classic("", ",'accessLogEnabled':true"), "on"),
            fails("aws.elb.load-balancer/desync-monitor-only", classic("", ",'desyncMitigationMode':'monitor'"), "desync"),
            passes("aws.elb.load-balancer/desync-monitor-only", classic("", ",'desyncMitigationMode':'strictest'"),
                    "strictest"),
            fails("aws.elb.load-balancer/connection-draining-off", classic("", ",'connectionDraining':false"),
                    "connection-draining"),
            passes("aws.elb.load-balancer/connection-draining-off", classic("", ",'connectionDraining':true"), "on"));

    @ParameterizedTest(name = "{0}")
    @FieldSource("CASES")
    void decides(RuleCase example) {
        example.run();
    }

    @Test
    void internetFacingListenersScoreAsInternetExposure() {
        assertThat(fails("aws.elbv2.load-balancer/http-listener", v2("internet-facing", FORWARD, ""), "listener:80").run()
                .getFirst().exposure()).isEqualTo(Exposure.INTERNET);
        assertThat(fails("aws.elbv2.load-balancer/http-listener", v2("internal", FORWARD, ""), "listener:80").run()
                .getFirst().exposure()).isEqualTo(Exposure.INTERNAL);
    }
}
